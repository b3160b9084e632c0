import { blocSeries } from '../data/bloc-series.js';
import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { inEuropeCanada } from '../outputs/catalogue.js';
import type { YearSeries } from './year-series.js';

/** Bloc names a fit or test accepts besides ISO3 codes. */
export const BLOC_NAMES = ['NATO', 'NATO_EUR_CAN', 'RUS_BLOC'] as const;

/**
 * A military spending series by name, in USD bn at SIPRI's constant prices: a bloc (`NATO`,
 * `NATO_EUR_CAN`: NATO without the United States, `RUS_BLOC`: Russia and Belarus) chain-linked
 * across enlargements and scaled to the bloc's level in the last year, or one country by ISO3 code.
 *
 * @throws {InputError} `unknown-series` naming what is accepted.
 * @example spendingSeries(loadDataset(), 'NATO', 1993, 2024).values.length // 32
 */
export function spendingSeries(dataset: Dataset, name: string, from: number, to: number): YearSeries {
  const code = name.toUpperCase();
  const members =
    code === 'NATO'
      ? (y: number) => dataset.members(y)
      : code === 'NATO_EUR_CAN'
        ? (y: number) => dataset.members(y).filter(inEuropeCanada)
        : code === 'RUS_BLOC'
          ? () => ['RUS', 'BLR']
          : undefined;
  const source = dataset.latestEdition('sipri-', 'milex_usd_constant');
  if (members === undefined && dataset.series(code, 'milex_usd_constant', source) === undefined) {
    const countries = [...new Set(dataset.list({ indicator: 'milex_usd_constant', source }).map((s) => s.iso3))]
      .sort()
      .join(' ');
    throw new InputError(
      'unknown-series',
      `series "${name}" is neither a bloc (${BLOC_NAMES.join(', ')}) nor a country with ${source} spending (${countries})`,
    );
  }
  const bloc = blocSeries(dataset, code, members ?? (() => [code]), from, to, source);
  const scale = (bloc.level.at(-1) as number) / (bloc.chained.at(-1) as number);
  return { name: code, years: bloc.years, values: bloc.chained.map((v) => (v * scale) / 1000) };
}
