import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes (256 bits), base64url: what the cookie carries. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The database keeps only the SHA-256 of a token or a pairing code: a copy of the file opens no session. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
