import * as Plot from '@observablehq/plot';
import type { Validation } from '../validate/validate-forecasts.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { chartLayout, defineChart } from './compose-chart.js';
import { INK } from './palette.js';

const COLOURS: Record<string, string> = {
  model: '#0072B2',
  pledge_only: '#009E73',
  trend: '#D55E00',
};

/** One point of the skill chart: a forecaster's RMSE over the random walk's at one horizon. */
export interface SkillPoint {
  readonly group: 'Allies' | 'Russia';
  readonly forecaster: string;
  readonly horizon: number;
  readonly ratio: number;
}

/**
 * The points of the skill chart: for the allies and for Russia, each forecaster's RMSE divided by
 * the random walk's, by horizon (below 1: better than the random walk).
 *
 * @example skillPoints(validation)[0]?.group // 'Allies'
 */
export function skillPoints(v: Validation): SkillPoint[] {
  const out: SkillPoint[] = [];
  for (const [group, key] of [
    ['Allies', 'allies'],
    ['Russia', 'russia'],
  ] as const) {
    const rw = v.scores.random_walk[key].rmse;
    for (const f of ['model', 'pledge_only', 'trend'] as const) {
      const mine = v.scores[f][key].rmse;
      v.horizons.forEach((h, k) => {
        const ratio = (mine[k] as number) / (rw[k] as number);
        if (Number.isFinite(ratio)) out.push({ group, forecaster: f, horizon: h, ratio });
      });
    }
  }
  return out;
}

/**
 * Describe the chart of forecast skill by horizon: two panels (allies, Russia), one line per
 * forecaster, the RMSE relative to the random walk's, with the line at 1 where they are equal.
 *
 * @throws {RangeError} when the size leaves no room for the panels.
 * @example forecastSkill(validateForecasts(loadDataset())).id // 'forecast-skill'
 */
export function forecastSkill(v: Validation, options: ChartSpecOptions = {}): ChartSpec {
  const points = skillPoints(v);
  const title = 'Does the model forecast better than "no change"?';
  const subtitle = `RMSE over the random walk's (the black line at 1), by horizon, refitted at each origin ${v.origins[0]}–${v.origins[v.origins.length - 1]}; below 1 is better. Blue: the default model (${v.specification}); green, dashed: pledge only (ε = η = 0); orange: each country's trend.`;
  const caption = [
    `Forecasts conditional on realised GDP, with only the pledges known at each origin and no war term. Burdens: ${v.source} (SIPRI Military Expenditure Database). Reproduce: armsrace validate.`,
  ];
  const width = options.width ?? 960;
  chartLayout({ subtitle, caption }, width, options.height);
  const high = Math.max(1.2, ...points.map((p) => p.ratio)) * 1.02;
  const low = Math.min(0.6, ...points.map((p) => p.ratio)) * 0.98;
  const last = Math.max(...v.horizons);
  return {
    id: 'forecast-skill',
    title,
    subtitle,
    caption,
    plot: {
      marginTop: 24,
      marginRight: 40,
      marginBottom: 40,
      marginLeft: 56,
      x: { label: 'Horizon, years →', labelAnchor: 'right', labelArrow: 'none', ticks: v.horizons.length },
      y: { domain: [low, high], label: '↑ RMSE / random walk', labelArrow: 'none', grid: true },
      fx: { label: null, domain: ['Allies', 'Russia'], padding: 0.12 },
      marks: [
        Plot.ruleY([1], { stroke: INK, strokeWidth: 1.5, className: 'skill-random-walk' }),
        ...(['trend', 'model', 'pledge_only'] as const).map((f) =>
          Plot.lineY(
            points.filter((p) => p.forecaster === f),
            {
              fx: 'group',
              x: 'horizon',
              y: 'ratio',
              stroke: COLOURS[f],
              strokeWidth: f === 'model' ? 3 : 1.5,
              ...(f === 'pledge_only' ? { strokeDasharray: '5 4' } : {}),
              className: `skill-${f}`,
            },
          ),
        ),
        ...(['trend', 'model', 'pledge_only'] as const).map((f) =>
          Plot.text(
            points.filter((p) => p.horizon === last && p.forecaster === f),
            {
              fx: 'group',
              x: 'horizon',
              y: 'ratio',
              text: (p: SkillPoint) => p.ratio.toFixed(2),
              dx: 6,
              dy: f === 'pledge_only' ? 10 : f === 'model' ? -6 : 0,
              textAnchor: 'start',
              fontSize: 11,
              fill: COLOURS[f],
            },
          ),
        ),
      ],
    },
  };
}

/** The skill chart as a registry entry. */
export const FORECAST_SKILL_CHART = defineChart<Validation, ChartSpecOptions>(
  'forecast-skill',
  'Forecast skill by horizon',
  forecastSkill,
);
