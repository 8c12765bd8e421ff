/**
 * The editorial collections as page models need them, read once per build process: the
 * tool page links attack patterns, and 5,000 tool pages must not each walk the collection.
 * The only module of src/site/ that imports from Astro.
 */
import { getCollection } from 'astro:content';
import type { AttackPatternSummary } from './attack-patterns.ts';

let attackPatterns: Promise<AttackPatternSummary[]> | undefined;

export function getAttackPatterns(): Promise<AttackPatternSummary[]> {
  attackPatterns ??= getCollection('attacks').then((pages) => pages.map((page) => ({ slug: page.id, ...page.data })));
  return attackPatterns;
}
