import type { Dataset } from '../../data/dataset.js';

/** Where a number comes from, for {@link ClaimNumber}: the source's publisher and title, and its edition. */
export interface Citation {
  readonly source: string;
  readonly edition?: string;
}

/**
 * The citation of source edition `id` of the dataset, e.g. `{ source: 'NATO, Defence Expenditure …', edition: '2025' }`.
 *
 * @example cite(loadDataset(), 'sipri-2025').edition // '2025'
 */
export function cite(dataset: Dataset, id: string): Citation {
  const s = dataset.source(id);
  return s === undefined ? { source: id } : { source: `${s.publisher}, ${s.title}`, edition: s.edition };
}

/** The citation of the committed fit, `data/fitted.json`. */
export function citeFit(dataset: Dataset): Citation {
  const f = dataset.data.fitted;
  return f === undefined
    ? { source: 'data/fitted.json (absent)' }
    : { source: `data/fitted.json (${f.command})`, edition: `${f.data.burdens}, ${f.span[0]}–${f.span[1]}` };
}

/** The citation of a model run: the scenario's name and the model. */
export function citeScenario(name: string): Citation {
  return { source: `armsrace demand model, scenario "${name}"` };
}
