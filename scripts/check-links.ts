/**
 * `node scripts/check-links.ts [dist] [--base /prefix/] [--site https://example.org] [--all]`
 *
 * Checks every internal link and #fragment of a built site (tests/support/link-check.ts)
 * and prints the broken ones, grouped by what they point to; exits 1 when there is any.
 * --base: the BASE_PATH the site was built with (default: $BASE_PATH or /).
 * --site: the site's origin, so that absolute links to it are checked too.
 * --all: one line per broken link instead of groups.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkLinks, formatBroken } from '../tests/support/link-check.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: process.env.BASE_PATH || '/' },
    site: { type: 'string' },
    all: { type: 'boolean', default: false },
  },
});

const dist = resolve(positionals[0] ?? process.env.OUT_DIR ?? 'dist');
const started = performance.now();
const report = await checkLinks(dist, { basePath: values.base, site: values.site });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const lines = values.all
  ? report.broken.map((link) => `${link.page}: href="${link.href}" -> ${link.target}: ${link.reason}`)
  : formatBroken(report.broken);
for (const line of lines) console.log(line);
console.log(
  `${report.broken.length} broken link(s); ${report.links} internal links to ${report.targets} files, ` +
    `on ${report.pages} pages among ${report.files} files, checked in ${seconds} s`,
);
process.exitCode = report.broken.length > 0 ? 1 : 0;
