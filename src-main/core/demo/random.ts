import { createPrng, type Prng } from '../sampling/random';

/** The sampler's sfc32 generator with the few shapes the demo story needs. */
export interface DemoRandom extends Prng {
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Uniform integer in [min, max], both included. */
  intBetween(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A pick where each item is `weight(item)` times as likely as one of weight 1. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  shuffle<T>(items: readonly T[]): T[];
  /** Normally distributed (Box–Muller): score noise looks like people, not like dice. */
  normal(mean: number, sd: number): number;
}

/**
 * One independent stream per purpose (`<seed>/call/<n>`, `<seed>/people`…): adding a call to one
 * advisor never shifts the random numbers of another, so small changes to the story stay small.
 */
export function demoRandom(seed: string): DemoRandom {
  const prng = createPrng(seed);
  const between = (min: number, max: number) => min + prng.next() * (max - min);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[prng.int(items.length)]!;
  };
  return {
    ...prng,
    between,
    intBetween: (min, max) => min + prng.int(max - min + 1),
    chance: (probability) => prng.next() < probability,
    pick,
    weighted<T>(items: readonly T[], weight: (item: T) => number): T {
      const weights = items.map((item) => Math.max(0, weight(item)));
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (total <= 0) return pick(items);
      let at = prng.next() * total;
      for (let i = 0; i < items.length; i++) {
        at -= weights[i]!;
        if (at < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = prng.int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    normal(mean: number, sd: number): number {
      const u = 1 - prng.next();
      const v = prng.next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
