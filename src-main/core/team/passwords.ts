import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors';

/**
 * Passwords for sign-in, hashed with Node's scrypt (OpenSSL; no extra dependency). The stored
 * string carries its own parameters, `scrypt$N$r$p$salt$hash`, so stronger settings later do not
 * lock out anyone whose hash was made with today's.
 */
export const PASSWORD_MIN_LENGTH = 10;

const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: number, blockSize: number, parallel: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N=2^15, so leave room.
  const options: ScryptOptions = { N: cost, r: blockSize, p: parallel, maxmem: 256 * cost * blockSize };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Refuses a password too short to be worth hashing: the message says how long it must be. */
export function assertPasswordStrength(password: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) throw new AppError('password_too_short', { min: PASSWORD_MIN_LENGTH });
}

export async function hashPassword(password: string): Promise<string> {
  assertPasswordStrength(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, BLOCK_SIZE, PARALLEL);
  return ['scrypt', COST, BLOCK_SIZE, PARALLEL, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether the password matches the stored hash. A malformed or missing hash never matches. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored ?? '');
  if (!match) return false;
  const [, cost, blockSize, parallel, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const [n, r, p] = [Number(cost), Number(blockSize), Number(parallel)];
  // A hash from outside (a copied database) must not make one sign-in cost gigabytes.
  if (n < 2 || n > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await derive(password, Buffer.from(salt, 'base64'), n, r, p);
  return timingSafeEqual(key, expected);
}

/**
 * The cost of one verification, spent when the person does not exist, so the answer time does
 * not tell an attacker which employee numbers are real.
 */
let decoy: Promise<string> | null = null;
export async function spendVerification(password: string): Promise<void> {
  decoy ??= hashPassword('x'.repeat(PASSWORD_MIN_LENGTH));
  await verifyPassword(password, await decoy);
}
