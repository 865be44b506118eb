import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with @node-rs/argon2's defaults, which are OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1): about
 * 25 ms here, slow for an attacker's guesses and fine for a sign-in. Stored as a PHC string that carries its own
 * parameters, so raising them later leaves older hashes verifiable.
 */
const ARGON2ID = 2; // Algorithm.Argon2id: a const enum, which isolated modules cannot import.

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// A real hash of a random string: an unknown username costs the same verification time as a known one, so timing
// does not reveal which names exist.
let dummy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummy ??= hashPassword(crypto.randomUUID());
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
