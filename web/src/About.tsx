import type { JSX } from 'preact';
import type { SourceLine } from './protocol.js';

interface Props {
  readonly validation: string | undefined;
  readonly sources: readonly SourceLine[];
}

/**
 * How the numbers are made, where they come from and how the model did out of sample: the method
 * in three sentences, each edition of the data with its citation, and the documents of the
 * project that hold the rest.
 */
export function About({ validation, sources }: Props): JSX.Element {
  return (
    <section class="about" id="about" tabIndex={-1} aria-labelledby="about-title">
      <h2 id="about-title">Method, data and validation</h2>
      <p>
        Each ally and Russia move their military burden (spending as a share of GDP) towards a target set by their
        pledges and, with the responses of the fit, by the capability they face weighted by distance; capability
        accumulates spending and depreciates by 10 % a year; GDP follows the World Bank's data, then the IMF's
        projections. The equations, every default and its source: <code>docs/model.md</code>; the fits:{' '}
        <code>docs/estimation.md</code>.
      </p>
      <p data-testid="about-validation">
        {validation ?? 'The dataset carries no fit: the responses are the model’s assumptions.'} How the test was run
        and where the model loses: <code>docs/validation.md</code> (<code>armsrace validate</code>).
      </p>
      <details>
        <summary>The data: {sources.length} editions</summary>
        <ul class="about-sources" data-testid="about-sources">
          {sources.map((s) => (
            <li key={s.id}>
              <strong>{s.id}</strong>: {s.title} ({s.publisher}, {s.released}). {s.citation}
            </li>
          ))}
        </ul>
        <p>
          Provenance and terms of every file: <code>data/SOURCES.md</code>; the dataset's editions and flags:{' '}
          <code>docs/data.md</code>.
        </p>
      </details>
    </section>
  );
}
