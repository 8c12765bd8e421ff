/**
 * `npm run search-quality [-- --site dist] [--per-set 100] [--seed 1] [--misses]`
 *
 * Measures a built site's search (run `npm run build` first): query sets drawn from the
 * catalogue it was built from, with a fixed seed (scripts/search-quality/query-sets.ts),
 * typed into the real search page in headless Chromium (Debian's, at CHROMIUM_PATH or
 * /usr/bin/chromium), served on 127.0.0.1. Prints the hit rates at 1, 3 and 5 per set and
 * the time from the last keystroke to the first results.
 */
import { parseArgs } from 'node:util';
import { loadSiteConfig } from '../src/config/site-config.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { buildQuerySets } from './search-quality/query-sets.ts';
import { catalogueNames } from './search-quality/catalogue-names.ts';
import { formatReport, measureSearch } from './search-quality/measure.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: process.env.OUT_DIR ?? 'dist' },
    'per-set': { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    misses: { type: 'boolean', default: false },
  },
});

if (import.meta.main) {
  const catalogue = loadSiteConfig(process.env).cataloguePath;
  const queries = buildQuerySets(await catalogueNames(catalogue), Number(values['per-set']), Number(values.seed));
  const site = await serveStatic(values.site!);
  const browser = await launchChromium();
  try {
    const report = await measureSearch(browser, site.origin, queries);
    console.log(`search quality: ${catalogue}, ${queries.length} queries, seed ${values.seed}`);
    console.log(formatReport(report));
    if (values.misses) for (const miss of report.misses) console.log(`miss [${miss.query.set}] ${JSON.stringify(miss.query.text)} -> ${JSON.stringify(miss.got)}`);
  } finally {
    await browser.close();
    await site.close();
  }
}
