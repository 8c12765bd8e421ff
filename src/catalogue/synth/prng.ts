/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) for synthetic catalogues: the
 * same seed must give the same file on every machine and Node version, which
 * `Math.random` cannot promise.
 */

/** The largest seed accepted: any safe integer is split into two 32-bit halves. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
    }
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    const next = splitmix32(low);
    this.a = next();
    this.b = next() ^ high;
    this.c = next();
    this.d = next();
    // The first outputs of a freshly seeded sfc32 still show the seed's bit pattern.
    for (let i = 0; i < 15; i += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 2 ** 32;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** One of `choices`, with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let roll = this.float() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** 0..n-1 in a random order (Fisher-Yates). */
  permutation(n: number): number[] {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  }
}

/**
 * Draws items in a random order, each once, then reshuffles: every item comes up as
 * often as every other, up to one round. Sampling with replacement would let a heavy item
 * (one real server holds 40% of the bundled catalogue's description text) come up twice
 * or never, and swing a whole catalogue's averages.
 */
export class Deck<T> {
  private readonly items: readonly T[];
  private readonly rng: Random;
  private order: number[] = [];
  private next = 0;

  constructor(items: readonly T[], rng: Random) {
    if (items.length === 0) throw new RangeError('cannot deal from an empty deck');
    this.items = items;
    this.rng = rng;
  }

  draw(): T {
    if (this.next === this.order.length) {
      this.order = this.rng.permutation(this.items.length);
      this.next = 0;
    }
    return this.items[this.order[this.next++]!]!;
  }
}
