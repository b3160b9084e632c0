import { DEFAULTS } from '../scenario/defaults.js';
import { eigenvalues } from '../solve/eigenvalues.js';
import { eigenvector } from '../solve/eigenvector.js';
import type { DemandModel } from './demand/index.js';

/**
 * What drives the stability margin: `stable` (margin ≤ 0, perturbations decay), `race` (the
 * leading mode moves the Russian bloc and NATO with its partners up together) or `within-bloc`
 * (it sits in one bloc, or allies move in opposite directions: free-riding, not a race).
 */
export type StabilityMode = 'stable' | 'race' | 'within-bloc';

/** A bloc as the stability report names it: NATO's allies, the Russian bloc, everyone else (partners such as Ukraine). */
export type StabilityBloc = 'NATO' | 'RUS_BLOC' | 'other';

/** A number per bloc. */
export interface BlocShares {
  readonly nato: number;
  readonly russia: number;
  readonly other: number;
}

/** The stability report at one state. */
export interface StabilityReport {
  readonly year: number;
  /**
   * Largest real part of the Jacobian's eigenvalues, 1/years. Positive: some perturbation grows —
   * a race between the blocs only when {@link StabilityReport.mode} is `race`.
   */
  readonly margin: number;
  /** Imaginary part of that eigenvalue (non-zero: oscillating). */
  readonly imaginary: number;
  /** What drives the margin (see {@link classifyMode}). */
  readonly mode: StabilityMode;
  /** With `within-bloc`: the bloc that holds most of the mode's weight. */
  readonly bloc?: StabilityBloc;
  /** Shares of the leading eigenvector's squared burden components per bloc; they sum to 1. */
  readonly shares: BlocShares;
  /**
   * Per bloc, `Σ sign(v_i)·|v_i|² / Σ |v_i|²` over its burden components, in [−1, 1]: ±1 when all
   * of the bloc moves one way, near 0 when its members move against each other (0 for no weight).
   */
  readonly direction: BlocShares;
}

/** A bloc's share of the squared weight from which it counts as taking part in a race. */
export const RACE_SHARE = 0.1;
/** `|direction|` from which a bloc counts as moving one way: at most 10 % of its squared weight against. */
export const RACE_DIRECTION = 0.8;

/**
 * The stability margin of the demand model at state `y` and time `t`, and the mode that drives it.
 *
 * The margin is the largest real part `μ` of the eigenvalues of the numerical Jacobian (central
 * differences, relative step 1e-6). Its eigenvector `v` ({@link leadingMode}: inverse iteration
 * in coordinates relative to the state) is classified by its burden components `v_1 … v_n` (the
 * state is `[s_1…s_n, K_1…K_n]`; for a complex pair, moduli and the signs of the real parts once
 * the component largest relative to the state is scaled to 1): see {@link classifyMode}. Actor `i` counts in NATO when `model.isAlly(i, t)`, in the Russian bloc
 * when `russianBloc[i]` (default: RUS and BLR), else in `other` (partners such as Ukraine).
 *
 * @param options.russianBloc - per actor, member of the Russian bloc (the scenario's actors)
 * @example stabilityMargin(model, model.start, model.initialState).mode // 'stable', 'race' or 'within-bloc'
 */
export function stabilityMargin(
  model: DemandModel,
  t: number,
  y: Float64Array,
  options: { readonly russianBloc?: readonly boolean[] } = {},
): StabilityReport {
  const size = y.length;
  const n = size / 2;
  const { margin, imaginary, vector } = leadingMode(demandJacobian(model, t, y), y);
  const russian =
    options.russianBloc ?? model.codes.map((c) => (DEFAULTS.russianBloc as readonly string[]).includes(c));
  const blocs: StabilityBloc[] = Array.from({ length: n }, (_, i) =>
    model.isAlly(i, t) ? 'NATO' : russian[i] === true ? 'RUS_BLOC' : 'other',
  );
  return { year: t, margin, imaginary, ...classifyMode(margin, vector.real, vector.imaginary, blocs) };
}

/**
 * The eigenvalue of `J` with the largest real part (ties: larger |imaginary part| first) and its
 * eigenvector `v = vector.real + i·vector.imaginary`. The eigenvector is found in coordinates
 * relative to the state `y`, `w_j = v_j / |y_j|` (shares of GDP and stocks in millions then have
 * the same scale: `D⁻¹·J·D`, `D = diag(|y_j|)`, is a matrix of elasticities), and mapped back;
 * `residual` is `‖D⁻¹JD·w − μ·w‖∞` with `max|w_j| = 1`.
 *
 * @param jacobian - `J`, `size × size` row-major, e.g. from {@link demandJacobian}
 * @param y - the state it was taken at (a zero entry counts as 1)
 * @example leadingMode(demandJacobian(model, t, y), y).margin // the stability margin
 */
export function leadingMode(
  jacobian: Float64Array,
  y: Float64Array,
): {
  margin: number;
  imaginary: number;
  vector: { readonly real: Float64Array; readonly imaginary: Float64Array };
  residual: number;
} {
  const size = y.length;
  const values = eigenvalues(jacobian, size);
  const margin = values.real[0] as number;
  const imaginary = values.imaginary[0] as number;
  const d = Array.from(y, (v) => (Math.abs(v) > 0 ? Math.abs(v) : 1));
  const scaled = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      scaled[i * size + j] = ((jacobian[i * size + j] as number) * (d[j] as number)) / (d[i] as number);
    }
  }
  const w = eigenvector(scaled, size, margin, imaginary);
  const real = w.real.map((x, j) => x * (d[j] as number));
  const imag = w.imaginary.map((x, j) => x * (d[j] as number));
  return { margin, imaginary, vector: { real, imaginary: imag }, residual: w.residual };
}

/**
 * The numerical Jacobian of the demand model at `(t, y)` (one member), row-major `2n × 2n`:
 * central differences with step `10⁻⁶·max(|y_j|, 10⁻⁶)`.
 *
 * @example demandJacobian(model, model.start, model.initialState).length // (2n)²
 */
export function demandJacobian(model: DemandModel, t: number, y: Float64Array): Float64Array {
  return demandJacobians(model, t, y, 1)[0] as Float64Array;
}

/**
 * The Jacobians of `members` independent members of a batched model at once (state layout: variable
 * `v` of member `m` at `v·members + m`): one batch evaluation per column serves every member. The
 * same central differences as {@link demandJacobian}, which is its one-member case.
 *
 * @example demandJacobians(model, model.start, model.initialState, model.members).length // model.members
 */
export function demandJacobians(model: DemandModel, t: number, y: Float64Array, members: number): Float64Array[] {
  const size = y.length / members;
  const M = members;
  const plus = new Float64Array(size * M);
  const minus = new Float64Array(size * M);
  const jacobians = Array.from({ length: M }, () => new Float64Array(size * size));
  const probe = y.slice();
  const h = new Float64Array(M);
  for (let j = 0; j < size; j++) {
    for (let m = 0; m < M; m++) {
      const o = j * M + m;
      h[m] = 1e-6 * Math.max(Math.abs(y[o] as number), 1e-6);
      probe[o] = (y[o] as number) + (h[m] as number);
    }
    model.derivative(t, probe, plus);
    for (let m = 0; m < M; m++) probe[j * M + m] = (y[j * M + m] as number) - (h[m] as number);
    model.derivative(t, probe, minus);
    for (let m = 0; m < M; m++) {
      probe[j * M + m] = y[j * M + m] as number;
      const J = jacobians[m] as Float64Array;
      for (let i = 0; i < size; i++)
        J[i * size + j] = ((plus[i * M + m] as number) - (minus[i * M + m] as number)) / (2 * (h[m] as number));
    }
  }
  return jacobians;
}

/**
 * Classify the leading mode of a Jacobian from its eigenvector's burden components.
 *
 * With `v_i` the burden component of actor `i` (the first `blocs.length` entries; complex: modulus,
 * sign of the real part), the share of bloc B is `Σ_{i∈B} |v_i|² / Σ_i |v_i|²` and its direction
 * `Σ_{i∈B} sign(Re v_i)|v_i|² / Σ_{i∈B} |v_i|²`. Then:
 * - `stable` when `margin ≤ 0`;
 * - `race` when the Russian bloc and NATO with its partners (`nato + other`) each hold at least
 *   {@link RACE_SHARE} (10 %) of the squared weight, each moves one way (`|direction| ≥`
 *   {@link RACE_DIRECTION}, at most 10 % of its squared weight against) and both the same way;
 * - `within-bloc` otherwise, naming the bloc with the largest share: the mode sits essentially in
 *   one bloc, or members of a bloc move against each other (free-riding on allies' spill-in).
 * A mode with no burden component at all (capability alone) is classified on the capability
 * components `v_{n+i}` instead.
 *
 * @param margin - the leading eigenvalue's real part, 1/years
 * @param real - real parts of its eigenvector, `[s_1…s_n, K_1…K_n]`
 * @param imaginary - imaginary parts (zeros for a real eigenvalue)
 * @param blocs - the bloc of each actor, length n
 * @example classifyMode(0.1, Float64Array.of(1, 1, 0, 0), new Float64Array(4), ['NATO', 'RUS_BLOC']).mode // 'race'
 */
export function classifyMode(
  margin: number,
  real: Float64Array,
  imaginary: Float64Array,
  blocs: readonly StabilityBloc[],
): Pick<StabilityReport, 'mode' | 'bloc' | 'shares' | 'direction'> {
  const n = blocs.length;
  const weigh = (offset: number) => {
    const weight = { NATO: 0, RUS_BLOC: 0, other: 0 };
    const signed = { NATO: 0, RUS_BLOC: 0, other: 0 };
    for (let i = 0; i < n; i++) {
      const r = real[offset + i] as number;
      const c = imaginary[offset + i] as number;
      const w = r * r + c * c;
      const b = blocs[i] as StabilityBloc;
      weight[b] += w;
      signed[b] += r > 0 ? w : r < 0 ? -w : 0;
    }
    return { weight, signed, total: weight.NATO + weight.RUS_BLOC + weight.other };
  };
  let w = weigh(0);
  if (!(w.total > 0) && real.length >= 2 * n) w = weigh(n);
  const share = (b: StabilityBloc) => (w.total > 0 ? w.weight[b] / w.total : 0);
  const dir = (b: StabilityBloc) => (w.weight[b] > 0 ? w.signed[b] / w.weight[b] : 0);
  const shares = { nato: share('NATO'), russia: share('RUS_BLOC'), other: share('other') };
  const direction = { nato: dir('NATO'), russia: dir('RUS_BLOC'), other: dir('other') };
  if (!(margin > 0)) return { mode: 'stable', shares, direction };
  // NATO and its partners face the Russian bloc together: one side of the race.
  const west = w.weight.NATO + w.weight.other;
  const westDirection = west > 0 ? (w.signed.NATO + w.signed.other) / west : 0;
  const race =
    shares.russia >= RACE_SHARE &&
    shares.nato + shares.other >= RACE_SHARE &&
    Math.abs(direction.russia) >= RACE_DIRECTION &&
    Math.abs(westDirection) >= RACE_DIRECTION &&
    direction.russia * westDirection > 0;
  if (race) return { mode: 'race', shares, direction };
  const bloc: StabilityBloc =
    shares.nato >= shares.russia && shares.nato >= shares.other
      ? 'NATO'
      : shares.russia >= shares.other
        ? 'RUS_BLOC'
        : 'other';
  return { mode: 'within-bloc', bloc, shares, direction };
}

const BLOC_NAME: Record<StabilityBloc, string> = { NATO: 'NATO', RUS_BLOC: 'the Russian bloc', other: 'the partners' };

/**
 * One line on a stability report: the margin (1/years) and what drives it. `within-bloc` reads
 * "free-riding within B" when the named bloc's `|direction|` is below {@link RACE_DIRECTION}, "B
 * alone" when its share is at least 90 %, else "mostly B".
 *
 * @example stabilityText(report) // '+0.0600/yr: free-riding within NATO, not a race (NATO 98 %, Russian bloc 1 %, partners 1 %)'
 */
export function stabilityText(report: StabilityReport): string {
  const { margin, mode, bloc, shares, direction } = report;
  const percent = (x: number) => `${Math.round(100 * x)} %`;
  const weights = [
    `NATO ${percent(shares.nato)}`,
    `Russian bloc ${percent(shares.russia)}`,
    ...(shares.other >= 0.005 ? [`partners ${percent(shares.other)}`] : []),
  ].join(', ');
  const value = `${margin > 0 ? '+' : ''}${margin.toFixed(4)}/yr`;
  if (mode === 'stable') return `${value}: stable, perturbations decay`;
  if (mode === 'race') return `${value}: a race between the blocs (${weights})`;
  const named = bloc ?? 'NATO';
  const key = named === 'RUS_BLOC' ? 'russia' : named === 'other' ? 'other' : 'nato';
  const what =
    Math.abs(direction[key]) < RACE_DIRECTION
      ? `free-riding within ${BLOC_NAME[named]}`
      : shares[key] >= 1 - RACE_SHARE
        ? `${BLOC_NAME[named]} alone`
        : `mostly ${BLOC_NAME[named]}`;
  return `${value}: ${what}, not a race (${weights})`;
}
