/**
 * `npm run preview` serves a built site with the security headers it deploys with
 * (public/_headers), so that what people try locally behaves as what they publish.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../src/site/headers-file.ts';
import { buildSite, ROOT, shellEnv } from '../support/build-site.ts';
import { freePort } from '../pipeline/helpers.ts';

let preview: ChildProcess | undefined;
let origin: string;

beforeAll(async () => {
  const { outDir } = await buildSite('tests/fixtures/minimal.ndjson');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  preview = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...shellEnv(), OUT_DIR: outDir },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await fetch(`${origin}/`).then(() => true, () => false)) return;
    await sleep(100);
  }
  throw new Error('astro preview did not start');
});

afterAll(() => {
  preview?.kill();
});

describe('npm run preview', () => {
  it('sends every header of public/_headers, on pages and on files', async () => {
    const expected = parseHeadersFile(await readFile(join(ROOT, 'public/_headers'), 'utf8'));
    expect(Object.keys(expected)).toContain('Content-Security-Policy');
    for (const path of ['/', '/tools/files/read-file-2/', '/tools/files/read-file-2/policy.json']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${path}: ${name}`).toBe(value);
    }
  });
});
