import type { DemandKernel } from './kernel.js';
import { ENTRY } from './kernel.js';

/**
 * The image the C kernel (src/wasm/demand-kernel.c) integrates: one block of memory holding a
 * header of doubles, then every array the kernel reads, its scratch and its outputs, each at an
 * offset (bytes from the image's start, a multiple of 16) that the header gives. The same image runs
 * in the WebAssembly module (written straight into its memory) and in the native C reference of the
 * benchmark (written to a file).
 */

/** The version both sides check; raise it with any change of the layout. */
export const KERNEL_IMAGE_VERSION = 2;

/** Scratch doubles per entry (actor × member) that the kernel carves up. */
export const SCRATCH_PER_ENTRY = 34;

/** The header's fields in order: the C kernel's `H_*` enumeration (a test compares the two). */
export const IMAGE_HEADER = [
  'VERSION',
  'N',
  'M',
  'P',
  'PERIODS',
  'GDP_YEARS',
  'GDP_FIRST_YEAR',
  'START',
  'END',
  'STEP',
  'PER_YEAR',
  'SHARED_PROXIMITY',
  'PERIOD_STARTS',
  'JOINS',
  'LN_GDP',
  'SHOCK',
  'PLEDGE_TARGET',
  'PLEDGE_FROM',
  'PLEDGE_BY',
  'WAR_EXTRA',
  'WAR_UNTIL',
  'WAR_FADE',
  'BASELINE',
  'SHARED_TERMS',
  'SHARED_ENTRY',
  'RESPONDS',
  'ENTRY',
  'ROWS',
  'INITIAL',
  'GDP',
  'SPENDING',
  'CAPABILITY',
  'THREAT',
  'SPILL_IN',
  'YEAR_STATES',
  'SCRATCH',
  'SCRATCH_DOUBLES',
] as const;

type Field = (typeof IMAGE_HEADER)[number];
const H = Object.fromEntries(IMAGE_HEADER.map((name, k) => [name, k])) as Record<Field, number>;

/** What an image holds besides the kernel: the run's span, step and sampling, and the initial state. */
export interface ImageRun {
  readonly start: number;
  readonly end: number;
  readonly stepYears: number;
  readonly samplesPerYear: number;
  readonly initialState: Float64Array;
}

/** Where each array of an image lies, and the image's size in bytes. */
export interface ImageLayout {
  readonly bytes: number;
  /** The header, offsets relative to the image's start. */
  readonly header: Float64Array;
  /** Per period: hostile start, first, weight, then friendly's, as offsets. */
  readonly rows: Float64Array;
  readonly years: number;
  readonly nM: number;
}

const align = (b: number) => Math.ceil(b / 16) * 16;

/** Lay out the image of `kernel` for `run`. */
export function layoutImage(kernel: DemandKernel, run: ImageRun): ImageLayout {
  const { n, nM, pledgeCount: P, gdpYears } = kernel;
  const periods = kernel.periodStarts.length;
  const years = run.end - run.start;
  const header = new Float64Array(IMAGE_HEADER.length);
  let at = align(header.byteLength);
  const take = (bytes: number) => {
    const offset = at;
    at = align(at + bytes);
    return offset;
  };
  const doubles = (field: Field, count: number) => {
    header[H[field]] = take(8 * count);
  };
  header[H.VERSION] = KERNEL_IMAGE_VERSION;
  header[H.N] = n;
  header[H.M] = kernel.M;
  header[H.P] = P;
  header[H.PERIODS] = periods;
  header[H.GDP_YEARS] = gdpYears;
  header[H.GDP_FIRST_YEAR] = kernel.gdpFirstYear;
  header[H.START] = run.start;
  header[H.END] = run.end;
  header[H.STEP] = run.stepYears;
  header[H.PER_YEAR] = run.samplesPerYear;
  header[H.SHARED_PROXIMITY] = kernel.sharedProximity ? 1 : 0;
  doubles('PERIOD_STARTS', periods);
  doubles('JOINS', n);
  doubles('LN_GDP', n * gdpYears);
  if (kernel.gdpShock !== undefined) doubles('SHOCK', gdpYears * nM);
  for (const field of ['PLEDGE_TARGET', 'PLEDGE_FROM', 'PLEDGE_BY'] as const) doubles(field, P * nM);
  for (const field of ['WAR_EXTRA', 'WAR_UNTIL', 'WAR_FADE', 'BASELINE'] as const) doubles(field, nM);
  doubles('SHARED_TERMS', n);
  doubles('SHARED_ENTRY', n);
  doubles('RESPONDS', n);
  doubles('ENTRY', nM * ENTRY);
  doubles('ROWS', 6 * periods);
  const rows = new Float64Array(6 * periods);
  for (let p = 0; p < periods; p++) {
    const { hostile, friendly } = kernel.sums[p] as DemandKernel['sums'][number];
    for (const [k, r] of [hostile, friendly].entries()) {
      rows[6 * p + 3 * k] = take(r.start.byteLength);
      rows[6 * p + 3 * k + 1] = take(r.first.byteLength);
      rows[6 * p + 3 * k + 2] = take(r.weight.byteLength);
    }
  }
  doubles('INITIAL', 2 * nM);
  for (const field of ['GDP', 'SPENDING', 'CAPABILITY', 'THREAT', 'SPILL_IN'] as const) doubles(field, nM * years);
  doubles('YEAR_STATES', (years + 1) * 2 * nM);
  doubles('SCRATCH', SCRATCH_PER_ENTRY * nM);
  header[H.SCRATCH_DOUBLES] = SCRATCH_PER_ENTRY * nM;
  return { bytes: at, header, rows, years, nM };
}

/** Write the image of `kernel` for `run` into `buffer` from byte `base` (a multiple of 16). */
export function writeImage(
  buffer: ArrayBuffer,
  base: number,
  layout: ImageLayout,
  kernel: DemandKernel,
  run: ImageRun,
): void {
  const { header, rows } = layout;
  const put = (offset: number, values: Float64Array | Int32Array) => {
    const view =
      values instanceof Float64Array
        ? new Float64Array(buffer, base + offset, values.length)
        : new Int32Array(buffer, base + offset, values.length);
    view.set(values);
  };
  const field = (name: Field, values: Float64Array | Uint8Array) =>
    put(header[H[name]] as number, values instanceof Uint8Array ? Float64Array.from(values) : values);
  new Float64Array(buffer, base, header.length).set(header);
  field('PERIOD_STARTS', kernel.periodStarts);
  field('JOINS', kernel.joins);
  field('LN_GDP', kernel.lnGdp);
  if (kernel.gdpShock !== undefined) field('SHOCK', kernel.gdpShock);
  field('PLEDGE_TARGET', kernel.pledgeTarget);
  field('PLEDGE_FROM', kernel.pledgeFrom);
  field('PLEDGE_BY', kernel.pledgeBy);
  field('WAR_EXTRA', kernel.warExtra);
  field('WAR_UNTIL', kernel.warUntil);
  field('WAR_FADE', kernel.warFade);
  field('BASELINE', kernel.baseline);
  field('SHARED_TERMS', kernel.sharedTerms);
  field('SHARED_ENTRY', kernel.sharedEntry);
  field('RESPONDS', kernel.responds);
  field('ENTRY', kernel.entry);
  field('ROWS', rows);
  for (let p = 0; p < rows.length / 6; p++) {
    const { hostile, friendly } = kernel.sums[p] as DemandKernel['sums'][number];
    for (const [k, r] of [hostile, friendly].entries()) {
      put(rows[6 * p + 3 * k] as number, r.start);
      put(rows[6 * p + 3 * k + 1] as number, r.first);
      put(rows[6 * p + 3 * k + 2] as number, r.weight);
    }
  }
  field('INITIAL', run.initialState);
}

/** The annual means and year states an integrated image holds, copied out of `buffer`. */
export function readImage(
  buffer: ArrayBuffer,
  base: number,
  layout: ImageLayout,
): {
  gdp: Float64Array;
  spending: Float64Array;
  capability: Float64Array;
  threat: Float64Array;
  spillIn: Float64Array;
  yearStates: Float64Array;
} {
  const { header, nM, years } = layout;
  const out = (name: Field, count: number) =>
    new Float64Array(buffer, base + (header[H[name]] as number), count).slice();
  const cells = nM * years;
  return {
    gdp: out('GDP', cells),
    spending: out('SPENDING', cells),
    capability: out('CAPABILITY', cells),
    threat: out('THREAT', cells),
    spillIn: out('SPILL_IN', cells),
    yearStates: out('YEAR_STATES', (years + 1) * 2 * nM),
  };
}
