/** A lab or device reading as the computations need it: epoch ms and the value in the catalogue unit. */
export interface TTimedValue {
  readonly t: number;
  readonly v: number;
}
