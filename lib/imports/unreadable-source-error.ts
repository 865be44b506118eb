/**
 * A source the import cannot read at all (a header that matches no known shape, a mapping that does not fit the
 * file): thrown by a reader before any record, so that the job fails with this reason (and the CLI exits non-zero)
 * rather than finishing "done" with one rejection.
 */
export class UnreadableSourceError extends Error {
  override readonly name = "UnreadableSourceError";
}
