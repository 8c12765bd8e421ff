/**
 * 32-bit FNV-1a over UTF-16 code units: a small hash that gives the same value on every
 * machine and every run, for names that must be stable (counter names, shard choices).
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
