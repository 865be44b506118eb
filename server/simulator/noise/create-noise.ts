import seedrandom from "seedrandom";

/** One layer of smooth noise: knots `periodMs` apart, each a normal draw with standard deviation `sd`. */
export type TOctave = readonly [periodMs: number, sd: number];

export interface TNoise {
  /**
   * Smooth, mean-reverting noise at a time, in the channel's own units. It is value noise (normal draws at knots,
   * joined by a smootherstep), summed over octaves: it wanders like an AR(1) process around zero but, unlike one,
   * can be read at any instant without replaying history. That is what lets a restart or a backfill regenerate the
   * value of any tick on its own.
   */
  smooth(channel: string, atMs: number, octaves: readonly TOctave[]): number;
  /** One standard normal draw per (channel, index): the independent error of one lab sample. */
  draw(channel: string, index: number): number;
}

const TWO_POW_32 = 4_294_967_296;

/** Deterministic noise for one seed. Pure: the same seed, channel and time always give the same number. */
export function createNoise(seed: string): TNoise {
  const channels = new Map<string, number>();
  // seedrandom (ARC4) turns each seed+channel into a well-mixed 32-bit key once; knots then use a cheap integer mix,
  // because a backfill reads hundreds of thousands of knots and seeding ARC4 for each would take seconds.
  const keyOf = (channel: string): number => {
    let key = channels.get(channel);
    if (key === undefined) {
      key = seedrandom(`${seed}|${channel}`).int32() >>> 0;
      channels.set(channel, key);
    }
    return key;
  };

  const normalAt = (key: number, index: number): number => {
    const lo = index >>> 0;
    const hi = Math.floor(index / TWO_POW_32) >>> 0;
    const a = fmix32((key ^ Math.imul(lo, 0x9e3779b1)) >>> 0);
    const b = fmix32((a ^ Math.imul(hi + 1, 0x85ebca77)) >>> 0);
    const u1 = (b + 1) / (TWO_POW_32 + 1);
    const u2 = fmix32((b ^ 0x68e31da4) >>> 0) / TWO_POW_32;
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };

  return {
    smooth(channel, atMs, octaves) {
      let sum = 0;
      octaves.forEach(([periodMs, sd], level) => {
        if (sd === 0) return;
        const key = keyOf(`${channel}#${level}`);
        const position = atMs / periodMs;
        const knot = Math.floor(position);
        const w = smootherstep(position - knot);
        sum += sd * ((1 - w) * normalAt(key, knot) + w * normalAt(key, knot + 1));
      });
      return sum;
    },
    draw(channel, index) {
      return normalAt(keyOf(channel), index);
    },
  };
}

function smootherstep(x: number): number {
  return x * x * x * (x * (x * 6 - 15) + 10);
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
