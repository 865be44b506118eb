/**
 * A log's sequence number (Observation, AlarmEvent, DocumentChange, and the columns that point at one) as the station
 * passes it around: a JS number. The column is 64-bit on both engines (SQLite's INTEGER always is; PostgreSQL's is
 * BIGINT, since a 32-bit one would overflow in about 17 days at 1,500 readings/s) and Prisma's client hands it over as
 * a bigint. A number is kept at the edges because seqs travel as JSON (socket events, replay requests, zod schemas),
 * which has no bigint, and because a double holds every integer up to 2^53, 190,000 years of 1,500 readings/s:
 * beyond that this throws rather than round a seq silently.
 */
export function toSeq(value: bigint | number): number {
  const seq = Number(value);
  if (!Number.isSafeInteger(seq)) throw new RangeError(`sequence number ${String(value)} is beyond 2^53`);
  return seq;
}
