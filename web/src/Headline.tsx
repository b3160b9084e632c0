import type { JSX } from 'preact';
import type { Headline as HeadlineData, HeadlineFigure } from '../../src/core/analyze/headline.js';

interface Props {
  readonly headline: HeadlineData | undefined;
}

const format = (f: HeadlineFigure, x: number): string => {
  if (f.unit === '% of GDP') return `${x.toFixed(2)} %`;
  if (f.unit === 'allies') return String(Math.round(x));
  if (f.unit === '×') return `${x.toFixed(1)} ×`;
  return `${Math.round(x).toLocaleString('en-US')} bn`;
};

const signed = (f: HeadlineFigure, d: number): string => {
  const text = format(f, Math.abs(d));
  return d === 0 ? `±${text}` : `${d > 0 ? '+' : '−'}${text}`;
};

/**
 * The answers to the levers, above the charts: Russia's and NATO's burden in 2035 and at the end,
 * the allies at 2 % and 3.5 %, the balance and, against the baseline, the differences and NATO's
 * extra spending. The same figures as `armsrace run` prints ("In brief").
 */
export function Headline({ headline }: Props): JSX.Element | null {
  if (headline === undefined) return null;
  return (
    <section class="headline" aria-labelledby="headline-title">
      <h2 id="headline-title" class="visually-hidden">
        In brief
      </h2>
      <ul class="headline-figures">
        {headline.figures.map((f) => (
          <li key={f.id} data-testid={`headline-${f.id}`}>
            <span class="headline-label">{f.label}</span>
            <span class="headline-value">{format(f, f.value)}</span>
            {f.difference !== undefined && !f.id.endsWith('-extra-spending') ? (
              <span
                class="headline-diff"
                title={`Baseline ${headline.baselineName}: ${format(f, f.baseline as number)}`}
              >
                {signed(f, f.difference)} vs baseline
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p class="headline-text" data-testid="headline-text">
        {headline.text}
      </p>
    </section>
  );
}
