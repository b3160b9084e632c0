import type { JSX } from 'preact';
import { ENSEMBLE_CHARTS } from '../../src/core/charts/fan/index.js';
import type { EnsembleResult } from '../../src/core/ensemble/run-ensemble.js';
import { ChartGrid, type OnComplete, type OnDrawn } from './ChartGrid.js';
import { specTable } from './chart-table.js';

interface Props {
  readonly result: EnsembleResult | undefined;
  readonly progress: { readonly done: number; readonly total: number } | undefined;
  readonly error: string;
  readonly stem: string;
  readonly onDrawn: OnDrawn<EnsembleResult>;
  /** Called once every fan chart is drawn, those out of view too, with each one's ms of building. */
  readonly onComplete?: OnComplete<EnsembleResult>;
}

/** The ensemble's charts, each with its numbers as a table: the medians and bands, the probabilities. */
const CHARTS = ENSEMBLE_CHARTS.map((c) => ({
  ...c,
  table: (r: EnsembleResult) => specTable(c.spec(r, { interactive: true })),
}));

/** The fan charts and event probabilities of the page's ensemble, with its progress. */
export function EnsembleView({ result, progress, error, stem, onDrawn, onComplete }: Props): JSX.Element {
  const running = progress !== undefined && progress.done < progress.total;
  return (
    <section class="ensemble" aria-label="Ensemble" data-testid="ensemble">
      <h2>The spread of futures</h2>
      <p class="status-line" aria-live="polite">
        {progress === undefined ? (
          'Starting the ensemble…'
        ) : (
          <>
            <progress max={progress.total} value={progress.done} />{' '}
            {running
              ? `${progress.done} of ${progress.total} members`
              : `${progress.total} members; 5–95 % and 25–75 % bands around the median`}
          </>
        )}
      </p>
      {error === '' ? null : (
        <p class="error" role="alert">
          The ensemble failed: {error}
        </p>
      )}
      <ChartGrid
        charts={CHARTS}
        data={result}
        label="Ensemble charts"
        stem={stem}
        onDrawn={onDrawn}
        onComplete={onComplete}
        placeholder="Running the ensemble…"
      />
    </section>
  );
}
