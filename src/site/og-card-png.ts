/**
 * Card SVGs (og-card.ts) to PNG with sharp, cached on disk by a hash of the SVG: a
 * rebuild draws only the cards whose content changed, which at tens of thousands of
 * servers is most of the cards' cost (15-20 ms each to draw, well under 1 ms to read).
 *
 * Several builds may share the cache (shards side by side, parallel test builds), so a
 * card is written to a temporary file and renamed into place: a reader sees a whole PNG
 * or none. A cache that cannot be written costs the speed-up, never the build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { stagingPath } from '../catalogue/store/atomic.ts';

/**
 * Part of every cache key: raise it when the PNG for the same SVG should change (other
 * encoder options), so older entries are never served.
 */
const RENDER_VERSION = 'png-rgb-c2-v1';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * `OG_CARD_CACHE`, or node_modules/.cache/og-cards of the project: Astro runs in the
 * project folder (scripts/build/astro-build.ts), where its bundled pages cannot tell
 * their source's location.
 */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env, projectRoot: string = process.cwd()): string {
  return resolve(env.OG_CARD_CACHE || join(projectRoot, 'node_modules', '.cache', 'og-cards'));
}

export interface RenderOptions {
  /** Where rendered cards are kept; default: `defaultCacheDir()`. */
  cacheDir?: string;
}

/** The cache key of an SVG: the renderer's version and options are part of it. */
export function cardKey(svg: string): string {
  return createHash('sha256').update(`${RENDER_VERSION}\n${sharp.versions.sharp ?? ''}\n${svg}`).digest('hex');
}

/** The PNG of a card, from the cache when it was drawn before. */
export async function renderCardPng(svg: string, options: RenderOptions = {}): Promise<Buffer> {
  const file = join(options.cacheDir ?? defaultCacheDir(), `${cardKey(svg)}.png`);
  const cached = await readCached(file);
  if (cached) return cached;
  const png = await drawPng(svg);
  await storeAtomically(file, png);
  return png;
}

/**
 * Draws an SVG as an opaque RGB PNG (a card has no transparency, and dropping the alpha
 * channel saves a tenth). Compression level 2 draws a card in 15-20 ms; level 6 saved 5%
 * for 50% more time, and a 256-colour palette halved the size for twice the time.
 */
export function drawPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).removeAlpha().png({ compressionLevel: 2 }).toBuffer();
}

async function readCached(file: string): Promise<Buffer | undefined> {
  try {
    const png = await readFile(file);
    // Only renamed whole files are in the cache, but a disk that filled up or a hand
    // edit must not put a broken image on the site: such an entry is drawn again.
    if (png.length <= PNG_SIGNATURE.length || !png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return undefined;
    // Renews the modification time pruneCardCache goes by.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return png;
  } catch {
    return undefined;
  }
}

let warnedUnwritable = false;

async function storeAtomically(file: string, png: Buffer): Promise<void> {
  const temporary = stagingPath(file, 'card');
  try {
    await mkdir(resolve(file, '..'), { recursive: true });
    await writeFile(temporary, png);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    if (!warnedUnwritable) {
      warnedUnwritable = true;
      console.warn(`[og-cards] cards are not cached (${(error as Error).message}); every build draws them again`);
    }
  }
}

/**
 * Removes cached cards not used for `maxAgeDays` (by modification time, which a cache
 * hit renews) and temporary files left by a build that died; returns how many went.
 * Without it the cache grows by every card a changed catalogue no longer draws.
 */
export async function pruneCardCache(cacheDir: string = defaultCacheDir(), maxAgeDays = 30, now = Date.now()): Promise<number> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  const cutoff = now - maxAgeDays * 24 * 60 * 60 * 1000;
  // A temporary file is seconds old while its writer runs; an hour-old one is an orphan.
  const orphanCutoff = now - 60 * 60 * 1000;
  let removed = 0;
  for (const name of names) {
    const isCard = /^[0-9a-f]{64}\.png$/.test(name);
    const isTemporary = name.endsWith('.tmp');
    if (!isCard && !isTemporary) continue;
    const path = join(cacheDir, name);
    const modified = await stat(path).then((info) => info.mtimeMs, () => undefined);
    if (modified === undefined || modified >= (isCard ? cutoff : orphanCutoff)) continue;
    await rm(path, { force: true });
    removed += 1;
  }
  return removed;
}
