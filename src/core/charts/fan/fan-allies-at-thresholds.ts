import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import type { ChartSpec } from '../chart-spec.js';
import { CONTEXT_GREY } from '../palette.js';
import { ensembleSpan, membersNote } from './ensemble-note.js';
import { type Fan, type FanLine, fanOf, fanSpec, findSeries } from './fan-spec.js';
import type { EnsembleChartSpecOptions } from './types.js';

const AT_2 = '#0072B2';
const AT_35 = '#D55E00';

/**
 * Return the number of allies per year, the mean of those at 3.5 % plus the mean of those short of
 * it (membership is the same in every member), or `undefined` without both series.
 */
function alliesLine(result: EnsembleResult): FanLine | undefined {
  const at = findSeries(result, 'allies_at_3.5');
  const short = findSeries(result, 'allies_short_of_3.5');
  if (at === undefined || short === undefined) return undefined;
  const values = result.years.map((_, k) => {
    const total = (at.mean[k] ?? Number.NaN) + (short.mean[k] ?? Number.NaN);
    return Number.isFinite(total) ? Math.round(total) : Number.NaN;
  });
  return { key: 'allies', text: 'All allies', color: CONTEXT_GREY, values, strokeWidth: 6 };
}

/**
 * Describe the chart of the number of allies at or above 2 % and 3.5 % of GDP: medians with their
 * 5–95 % bands, and the number of allies as a grey reference line.
 *
 * @param result The ensemble.
 * @param options Chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example fanAlliesAtThresholds(runEnsemble(parseScenario('end: 2036'), loadDataset(), { runs: 64 })).id // 'fan-allies-at-thresholds'
 */
export function fanAlliesAtThresholds(result: EnsembleResult, options: EnsembleChartSpecOptions = {}): ChartSpec {
  const fans = [
    fanOf(result, 'allies_at_2', { key: 'at-2', text: 'At 2 % or more', color: AT_2 }),
    fanOf(result, 'allies_at_3.5', { key: 'at-3-5', text: 'At 3.5 % or more', color: AT_35 }),
  ].filter((f): f is Fan => f !== undefined);
  const allies = alliesLine(result);
  const most = Math.max(
    1,
    ...(allies?.values.filter(Number.isFinite) ?? []),
    ...fans.flatMap((f) => f.q95.filter(Number.isFinite)),
  );
  const step = most <= 12 ? 1 : most <= 30 ? 5 : 10;
  const ticks = Array.from({ length: Math.floor(most / step) + 1 }, (_, i) => i * step);
  return fanSpec({
    id: 'fan-allies-at-thresholds',
    title: 'Allies meeting the spending targets: range of outcomes',
    subtitle:
      `Number of NATO allies whose military expenditure reaches 2 % and 3.5 % of GDP, ${ensembleSpan(result)}. ` +
      membersNote(result),
    result,
    options,
    yLabel: 'Number of allies',
    scale: 'linear',
    fans,
    lines: allies === undefined ? [] : [allies],
    bands: 'outer',
    marginRight: 140,
    y: { ticks, tickFormat: 'd' },
    emptyMessage: 'No allies in this ensemble',
  });
}
