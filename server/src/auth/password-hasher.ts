/**
 * Password hashes: argon2id (OWASP parameters: 19 MiB, 2 passes). Verifying against a dummy hash when
 * the email is unknown makes "no such user" cost the same time as "wrong password".
 */
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum in the typings: isolated-module compilers cannot inline it). */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never matches
  }
}

let dummy: Promise<string> | undefined;

/** Spends the time of one verification and answers false: for unknown emails and users without a password. */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword('trellis dummy password, never matches anything');
  await verifyPassword(await dummy, password);
  return false;
}
