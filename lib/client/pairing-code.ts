/** "K7PQM2XD" → "K7PQ-M2XD": two groups of four are easier to read off one screen and type on another. */
export function formatPairingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The link that opens the pairing page with the code filled in (the wall screen's browser, or a QR code of it). */
export function pairingLink(origin: string, code: string): string {
  return `${origin}/pair?code=${encodeURIComponent(code)}`;
}
