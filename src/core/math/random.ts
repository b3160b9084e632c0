/**
 * A seeded pseudo-random generator for the pure core: xoshiro256** (Blackman & Vigna 2018,
 * "Scrambled linear pseudorandom number generators", ACM TOMS 47, 2021) with its 256-bit state
 * filled by SplitMix64 (Steele, Lea & Flood 2014) from a `(seed, stream)` pair. The 64-bit words are
 * kept as pairs of unsigned 32-bit halves so that a draw needs no `BigInt`.
 */
import { exp, log } from './elementary.js';

/** A reproducible source of random numbers; every draw advances the state. */
export interface RandomGenerator {
  /** The seed the generator was made from. */
  readonly seed: number;
  /** The stream number the generator was made from. */
  readonly stream: number;
  /** Draw from the uniform distribution on `[0, 1)` with 53 random bits. */
  uniform(): number;
  /** Draw from the standard normal distribution (Marsaglia's polar method; the second value of a pair is kept). */
  normal(): number;
  /** Draw `exp(mu + sigma·Z)` with `Z` standard normal. */
  lognormal(mu: number, sigma: number): number;
  /** Draw from the triangular distribution on `[a, b]` with mode `c` (inverse CDF). */
  triangular(a: number, c: number, b: number): number;
  /** Draw an integer uniformly from `0, 1, …, n − 1` (rejection, so without bias). */
  integer(n: number): number;
  /** The next raw 64-bit output as `[high, low]` unsigned 32-bit halves. */
  nextUint64(): [number, number];
}

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
/** Salt that separates the stream number from the seed before they are combined. */
const STREAM_SALT = 0xd1b54a32d192ed03n;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_MINUS_53 = 1 / TWO_POW_53;

/**
 * Apply the SplitMix64 output function (the "mix" step) to a 64-bit word.
 *
 * @param z - a 64-bit unsigned word
 * @returns the mixed word
 */
function mix64(z: bigint): bigint {
  let x = z & MASK64;
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return x ^ (x >> 31n);
}

/**
 * Draw `count` outputs of SplitMix64 started from `state` (the state is advanced before each output).
 *
 * Method: Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA.
 *
 * @param state - the 64-bit starting state, as a `bigint`
 * @param count - how many outputs
 * @returns the outputs as unsigned 64-bit `bigint`s
 * @throws {RangeError} when `count` is not a non-negative integer
 * @example splitMix64(0n, 1)[0] // → 16294208416658607535n
 */
export function splitMix64(state: bigint, count: number): bigint[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count: ${count} is not a count; use a non-negative integer`);
  }
  const out: bigint[] = [];
  let s = state & MASK64;
  for (let i = 0; i < count; i++) {
    s = (s + GOLDEN_GAMMA) & MASK64;
    out.push(mix64(s));
  }
  return out;
}

function checkSeed(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name}: ${typeof value} is not a number; use a safe integer such as 42`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name}: ${value} is not a safe integer; use an integer in ±(2^53 − 1), e.g. 42`);
  }
}

function checkFiniteArgument(name: string, value: number): void {
  if (typeof value !== 'number') throw new TypeError(`${name}: ${typeof value} is not a number; use a finite number`);
  if (!Number.isFinite(value)) throw new RangeError(`${name}: ${value} is not finite; use a finite number`);
}

/**
 * xoshiro256** over 32-bit halves. The state words `s0…s3` are `(high, low)` pairs at `state[2k]`,
 * `state[2k + 1]`, and the last output's halves follow at 8 and 9: a typed array, because object
 * fields holding numbers above 2^31 are boxed by V8 and made every draw several times slower.
 */
class Xoshiro256StarStar implements RandomGenerator {
  readonly seed: number;
  readonly stream: number;
  private readonly state = new Uint32Array(10);
  private spare = Number.NaN;

  constructor(seed: number, stream: number, words: readonly bigint[]) {
    this.seed = seed;
    this.stream = stream;
    for (let k = 0; k < 4; k++) {
      const w = words[k] ?? 0n;
      this.state[2 * k] = Number((w >> 32n) & 0xffffffffn);
      this.state[2 * k + 1] = Number(w & 0xffffffffn);
    }
    if (this.state.subarray(0, 8).every((v) => v === 0)) this.state[1] = 1;
  }

  /** Advance the state and leave the next 64-bit output at `state[8]`, `state[9]` (no allocation). */
  private advance(): void {
    const s = this.state;
    const h0 = s[0] as number;
    const l0 = s[1] as number;
    const h1 = s[2] as number;
    const l1 = s[3] as number;
    const h2 = s[4] as number;
    const l2 = s[5] as number;
    const h3 = s[6] as number;
    const l3 = s[7] as number;
    // result = rotl(s1 * 5, 7) * 9
    let lo = l1 * 5;
    let hi = (Math.imul(h1, 5) + Math.floor(lo / TWO_POW_32)) >>> 0;
    lo >>>= 0;
    const rh = ((hi << 7) | (lo >>> 25)) >>> 0;
    const rl = ((lo << 7) | (hi >>> 25)) >>> 0;
    lo = rl * 9;
    hi = (Math.imul(rh, 9) + Math.floor(lo / TWO_POW_32)) >>> 0;
    lo >>>= 0;
    // t = s1 << 17
    const th = (h1 << 17) | (l1 >>> 15);
    const tl = l1 << 17;
    const h2x = h2 ^ h0;
    const l2x = l2 ^ l0;
    const h3x = h3 ^ h1;
    const l3x = l3 ^ l1;
    s[2] = h1 ^ h2x;
    s[3] = l1 ^ l2x;
    s[0] = h0 ^ h3x;
    s[1] = l0 ^ l3x;
    s[4] = h2x ^ th;
    s[5] = l2x ^ tl;
    // s3 = rotl(s3, 45): swap the halves, then rotate by 13
    s[6] = (l3x << 13) | (h3x >>> 19);
    s[7] = (h3x << 13) | (l3x >>> 19);
    s[8] = hi;
    s[9] = lo;
  }

  nextUint64(): [number, number] {
    this.advance();
    return [this.state[8] as number, this.state[9] as number];
  }

  uniform(): number {
    this.advance();
    return ((this.state[8] as number) * 2097152 + ((this.state[9] as number) >>> 11)) * TWO_POW_MINUS_53;
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = Number.NaN;
      return z;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  lognormal(mu: number, sigma: number): number {
    checkFiniteArgument('mu', mu);
    checkFiniteArgument('sigma', sigma);
    if (sigma < 0) throw new RangeError(`sigma: ${sigma} is negative; use a standard deviation of ln x ≥ 0`);
    return exp(mu + sigma * this.normal());
  }

  triangular(a: number, c: number, b: number): number {
    checkFiniteArgument('a', a);
    checkFiniteArgument('c', c);
    checkFiniteArgument('b', b);
    if (!(a <= c && c <= b)) {
      throw new RangeError(`c: ${c} is not between a = ${a} and b = ${b}; use a ≤ c ≤ b`);
    }
    if (a === b) return a;
    const u = this.uniform();
    const width = b - a;
    return u < (c - a) / width ? a + Math.sqrt(u * width * (c - a)) : b - Math.sqrt((1 - u) * width * (b - c));
  }

  integer(n: number): number {
    if (typeof n !== 'number') throw new TypeError(`n: ${typeof n} is not a number; use a positive integer`);
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new RangeError(`n: ${n} is not a positive safe integer; use a count of outcomes such as 6`);
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    for (;;) {
      const [hi, lo] = this.nextUint64();
      const m = hi * 2097152 + (lo >>> 11);
      if (m < limit) return m % n;
    }
  }
}

/**
 * Make the generator for stream `k` of `seed`: each `(seed, k)` pair gives its own reproducible sequence.
 *
 * Method: the SplitMix64 state is `mix(seed) ⊕ mix(k ⊕ salt)` and its next four outputs fill the
 * xoshiro256** state (the seeding Blackman & Vigna recommend). Distinct pairs give unrelated
 * 256-bit states, so two streams overlap only with negligible probability over a period of 2^256 − 1.
 *
 * @param seed - any safe integer
 * @param k - the stream number, a non-negative safe integer (e.g. one per ensemble member); default 0
 * @returns a fresh generator
 * @throws {TypeError} when `seed` or `k` is not a number
 * @throws {RangeError} when `seed` is not a safe integer or `k` is negative or not an integer
 * @example stream(42, 0).integer(6) === stream(42, 0).integer(6) // → true
 */
export function stream(seed: number, k = 0): RandomGenerator {
  checkSeed('seed', seed);
  checkSeed('k', k);
  if (k < 0) throw new RangeError(`k: ${k} is negative; use a stream number 0, 1, 2, …`);
  const start = mix64(BigInt.asUintN(64, BigInt(seed))) ^ mix64(BigInt(k) ^ STREAM_SALT);
  return new Xoshiro256StarStar(seed, k, splitMix64(start, 4));
}

/**
 * Make a xoshiro256** generator from an explicit 256-bit state (for checks against the reference code).
 *
 * Method: Blackman & Vigna (2018), xoshiro256** 1.0.
 *
 * @param state - four 64-bit words `s0…s3`, not all zero
 * @returns a generator reporting seed and stream 0
 * @throws {RangeError} when `state` does not hold four words
 * @example xoshiro256StarStar([1n, 2n, 3n, 4n]).nextUint64() // → [0, 11520]
 */
export function xoshiro256StarStar(state: readonly bigint[]): RandomGenerator {
  if (state.length !== 4) throw new RangeError(`state: ${state.length} words; use four 64-bit words`);
  return new Xoshiro256StarStar(0, 0, state);
}
