import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PledgeReport } from '../../src/core/analyze/pledge-report.js';
import { TableScroll } from './DataTableView.js';
import type { EditionInfo } from './protocol.js';

interface Props {
  readonly editions: readonly EditionInfo[];
  /** Ask the worker for the report of a year, an edition and a threshold (share of GDP). */
  readonly request: (year: number, edition: string, threshold: number) => Promise<PledgeReport>;
}

/** The thresholds of NATO's pledges: Wales 2014, The Hague 2025 (core), The Hague 2025 (total). */
const THRESHOLDS = [0.02, 0.035, 0.05] as const;
const percent = (t: number) => `${(t * 100).toLocaleString('en')} %`;

const FLAGS: Record<string, string> = { e: 'estimate', u: 'uncertain', s: 'quoted by the press', p: 'projection' };

/** Which allies reach 2 % of GDP in a year, by NATO's figures of an edition. */
export function PledgeTracker({ editions, request }: Props): JSX.Element {
  const [edition, setEdition] = useState<string>('');
  const [year, setYear] = useState<number>(0);
  const [threshold, setThreshold] = useState<number>(THRESHOLDS[0]);
  const [report, setReport] = useState<PledgeReport | undefined>(undefined);
  const [error, setError] = useState<string>('');
  const info = editions.find((e) => e.edition === edition) ?? editions[0];

  useEffect(() => {
    if (info === undefined) return;
    if (edition === '') setEdition(info.edition);
    if (year < info.firstYear || year > info.lastYear) setYear(info.lastYear);
  }, [info, edition, year]);

  useEffect(() => {
    if (info === undefined || year < info.firstYear || year > info.lastYear) return;
    let live = true;
    request(year, info.edition, threshold).then(
      (r) => {
        if (!live) return;
        setReport(r);
        setError('');
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [info, year, threshold, request]);

  const years: number[] = [];
  if (info !== undefined) for (let y = info.lastYear; y >= info.firstYear; y--) years.push(y);
  const rows = report === undefined ? [] : [...report.rows].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));

  return (
    <section class="pledges" aria-labelledby="pledges-title">
      <h2 id="pledges-title">Pledge tracker: allies at {percent(threshold)} of GDP</h2>
      <div class="pledge-controls">
        <label>
          Year{' '}
          <select value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Threshold{' '}
          <select value={threshold} onChange={(e) => setThreshold(Number(e.currentTarget.value))}>
            {THRESHOLDS.map((t) => (
              <option key={t} value={t}>
                {percent(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          NATO edition{' '}
          <select value={info?.edition ?? ''} onChange={(e) => setEdition(e.currentTarget.value)}>
            {editions.map((e) => (
              <option key={e.edition} value={e.edition}>
                {e.edition}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error === '' ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {report === undefined ? (
        <p>Loading…</p>
      ) : (
        <>
          <p class="pledge-summary">
            <strong>{report.counts.meets}</strong> of {report.counts.reported} allies with figures in the edition's
            table reach {percent(report.threshold)} in {report.year}
            {report.counts.pressReported > 0
              ? `; ${report.counts.pressMeets} of ${report.counts.pressReported} more by figures quoted in the press`
              : ''}
            {report.counts.missing.length > 0 ? `; no figure for ${report.counts.missing.length}` : ''}.
          </p>
          <TableScroll label={`Allies at ${percent(report.threshold)} of GDP in ${report.year}`}>
            <table>
              <caption class="visually-hidden">Military burden of each ally, {report.year}</caption>
              <thead>
                <tr>
                  <th scope="col">Ally</th>
                  <th scope="col" class="num">
                    % of GDP
                  </th>
                  <th scope="col">≥ {percent(report.threshold)}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.iso3} class={r.meets === true ? 'meets' : r.meets === false ? 'short' : 'missing'}>
                    <th scope="row">{r.name}</th>
                    <td class="num" title={r.flag === null ? undefined : FLAGS[r.flag]}>
                      {r.burdenPct === null ? '—' : r.burdenPct.toFixed(2)}
                      {r.flag !== null && r.flag !== '.' ? <sup>{r.flag}</sup> : null}
                    </td>
                    <td>{r.meets === null ? 'no figure' : r.meets ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p class="source">{report.citation}</p>
        </>
      )}
    </section>
  );
}
