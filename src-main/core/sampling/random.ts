import { createHash, randomBytes } from 'node:crypto';

/** A source of uniform numbers; the sampler only ever needs integers below a bound. */
export interface Prng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, bound). */
  int(bound: number): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) seeded with the first 16 bytes of
 * SHA-256(seed). Pure 32-bit integer arithmetic, so the same seed gives the same sequence on
 * every platform and Node version; that is what makes a drawn sample reproducible and auditable.
 */
export function createPrng(seed: string): Prng {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Mix the state before use, as the generator's author recommends.
  for (let i = 0; i < 12; i++) nextUint32();
  const next = () => nextUint32() / 4294967296;
  return {
    next,
    int(bound: number): number {
      if (!Number.isInteger(bound) || bound <= 0) throw new RangeError(`bound must be a positive integer, got ${bound}`);
      return Math.floor(next() * bound);
    },
  };
}

/** A fresh seed for a draw the coach did not seed: 64 random bits as 16 hex characters. */
export const newSeed = (): string => randomBytes(8).toString('hex');

/** The seed of the n-th redraw of a sample item: derived, so a redraw is as reproducible as the draw. */
export const redrawSeed = (seed: string, itemId: number, redrawCount: number): string => `${seed}/vervanging/${itemId}/${redrawCount}`;
