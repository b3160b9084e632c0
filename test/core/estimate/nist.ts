import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One parameter of a NIST StRD dataset: its certified estimate and standard deviation. */
export interface NistParameter {
  readonly name: string;
  readonly estimate: number;
  readonly standardDeviation: number;
  /** Starting values (nonlinear datasets only): Start 1 and Start 2. */
  readonly starts: readonly number[];
}

/** A parsed NIST StRD `.dat` file. */
export interface NistDataset {
  readonly name: string;
  readonly parameters: readonly NistParameter[];
  readonly residualStandardDeviation: number;
  /** Linear datasets only. */
  readonly rSquared: number;
  /** Nonlinear datasets only. */
  readonly residualSumOfSquares: number;
  /** Data rows, each `[y, x1, x2, …]` as in the file. */
  readonly rows: readonly (readonly number[])[];
}

/** Parse the `(lines a to b)` range a header line declares, as 0-based `[start, endExclusive)`. */
function lineRange(lines: readonly string[], label: string): [number, number] {
  const line = lines.slice(0, 12).find((l) => l.trim().startsWith(label) && l.includes('lines'));
  const match = line?.match(/lines\s+(\d+)\s+to\s+(\d+)/);
  if (!match) throw new Error(`no "${label}" line range in the header`);
  return [Number(match[1]) - 1, Number(match[2])];
}

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Read a NIST StRD file from `test/fixtures/nist/<kind>/<name>.dat`, taking the certified values and
 * the data from the line ranges its header declares.
 */
export function readNist(kind: 'lls' | 'nls', name: string): NistDataset {
  const path = fileURLToPath(new URL(`../../fixtures/nist/${kind}/${name}.dat`, import.meta.url));
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const [certifiedStart, certifiedEnd] = lineRange(lines, 'Certified Values');
  const [dataStart, dataEnd] = lineRange(lines, 'Data');
  const parameters: NistParameter[] = [];
  let residualStandardDeviation = Number.NaN;
  let rSquared = Number.NaN;
  let residualSumOfSquares = Number.NaN;
  for (const raw of lines.slice(certifiedStart, certifiedEnd)) {
    const line = raw.trim();
    const tokens = line.replace('=', ' ').split(/\s+/);
    const head = tokens[0] ?? '';
    if (/^[Bb]\d+$/.test(head)) {
      const values = tokens
        .slice(1)
        .filter((t) => numberPattern.test(t))
        .map(Number);
      const estimate = values[values.length - 2] as number;
      const standardDeviation = values[values.length - 1] as number;
      parameters.push({ name: head, estimate, standardDeviation, starts: values.slice(0, -2) });
    } else if (line.startsWith('Standard Deviation') || line.startsWith('Residual Standard Deviation')) {
      residualStandardDeviation = Number(tokens[tokens.length - 1]);
    } else if (line.startsWith('R-Squared')) {
      rSquared = Number(tokens[tokens.length - 1]);
    } else if (line.startsWith('Residual Sum of Squares')) {
      residualSumOfSquares = Number(tokens[tokens.length - 1]);
    }
  }
  const rows = lines
    .slice(dataStart, dataEnd)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => l.split(/\s+/).map(Number));
  return { name, parameters, residualStandardDeviation, rSquared, residualSumOfSquares, rows };
}

/**
 * The log relative error of `estimate` against `certified` (McCullough 1998): the number of
 * correct significant digits, capped at 15; the log absolute error when `certified` is zero.
 */
export function logRelativeError(estimate: number, certified: number): number {
  if (estimate === certified) return 15;
  const error = certified === 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
  if (!Number.isFinite(error)) return 0;
  return Math.min(15, Math.max(0, -Math.log10(error)));
}
