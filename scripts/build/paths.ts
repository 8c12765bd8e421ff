import { resolve } from 'node:path';

/** The project's root folder. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Where a local sharded build keeps its shards: inside the project, as Astro requires. */
export const SHARDS_DIR = resolve(ROOT, '.build');
