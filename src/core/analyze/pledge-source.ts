import type { Dataset } from '../data/dataset.js';
import type { SourceInfo } from '../data/types.js';
import { InputError } from '../errors.js';

/** Which publisher's burden figures to use. NATO's and SIPRI's definitions differ: never mixed. */
export type BurdenSource = 'nato' | 'sipri';

export const BURDEN_SOURCES: readonly BurdenSource[] = ['nato', 'sipri'];

/** The edition chosen for a report and its press companion, if any. */
export interface ResolvedSource {
  readonly kind: BurdenSource;
  readonly source: SourceInfo;
  /** Secondary figures quoted by the press for the same edition, shown flagged. */
  readonly press: SourceInfo | undefined;
  /** First and last year with any ally's figure in this edition. */
  readonly firstYear: number;
  readonly lastYear: number;
}

/**
 * Pick the edition of `kind` to report: `edition` (e.g. `2024`) or the latest.
 *
 * @throws {InputError} `unknown-source` or `unknown-edition`, naming the editions available.
 * @example resolveSource(loadDataset(), 'nato').source.id // 'nato-2025'
 */
export function resolveSource(dataset: Dataset, kind: string, edition?: string): ResolvedSource {
  if (!(BURDEN_SOURCES as readonly string[]).includes(kind)) {
    throw new InputError(
      'unknown-source',
      `source: "${kind}" is not known; use ${BURDEN_SOURCES.join(' or ')}`,
      'source',
    );
  }
  const editions = dataset.editions(`${kind}-`);
  const source = edition === undefined ? editions[0] : editions.find((s) => s.id === `${kind}-${edition}`);
  if (source === undefined) {
    throw new InputError(
      'unknown-edition',
      `edition: "${edition}" of ${kind} is not in the dataset; available: ${editions.map((s) => s.edition).join(', ') || 'none'}`,
      'edition',
    );
  }
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const iso3 of dataset.allies()) {
    const s = dataset.series(iso3, 'milex_share_gdp', source.id);
    if (s === undefined) continue;
    first = Math.min(first, s.firstYear);
    s.values.forEach((v, i) => {
      if (v !== null) last = Math.max(last, s.firstYear + i);
    });
  }
  const press = dataset.source(`${source.id}-press`);
  if (press !== undefined) {
    for (const s of dataset.list({ source: press.id, indicator: 'milex_share_gdp' })) {
      last = Math.max(last, s.firstYear + s.values.length - 1);
    }
  }
  return { kind: kind as BurdenSource, source, press, firstYear: first, lastYear: last };
}
