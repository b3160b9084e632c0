import type { ResolvedScenario } from '../model/parameters.js';

/** The blocs every reduction of a run knows, defined once. */
export const BLOCS = [
  { id: 'NATO', name: 'NATO' },
  { id: 'NATO_EUR_CAN', name: 'NATO Europe and Canada' },
  { id: 'RUS_BLOC', name: 'Russia and Belarus' },
] as const;

export type BlocId = (typeof BLOCS)[number]['id'];

/** Whether an ally counts in "NATO Europe and Canada": every ally but the United States. */
export function inEuropeCanada(iso3: string): boolean {
  return iso3 !== 'USA';
}

/**
 * Whether actor `i` of the scenario belongs to a bloc in a year: the allies of that year (the
 * scenario's enlargement included), the allies without the United States, the Russian bloc.
 */
export function inBloc(id: BlocId, actor: ResolvedScenario['actors'][number], isAlly: boolean): boolean {
  if (id === 'NATO') return isAlly;
  if (id === 'NATO_EUR_CAN') return isAlly && inEuropeCanada(actor.iso3);
  return actor.russianBloc;
}

/** One output of a run beyond the actors' own series: what it is, in which unit. */
export interface OutputDefinition {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** A count of allies (the ensemble's histograms use whole-number bins for these). */
  readonly count?: boolean;
}

/**
 * Every output of a run that is not one actor's own series, in the order of the reduction
 * ({@link reduceRun}): the blocs' spending, GDP, burden and capability, and the indicators. The
 * deterministic run and the ensemble compute them with the same code; consumers ask for them by id.
 */
export const OUTPUTS: readonly OutputDefinition[] = [
  ...BLOCS.flatMap((b) => [
    { id: `${b.id}.spending`, label: `${b.name}: military spending`, unit: 'USD m, constant 2015' },
    { id: `${b.id}.gdp`, label: `${b.name}: GDP`, unit: 'USD m, constant 2015' },
    { id: `${b.id}.burden`, label: `${b.name}: military burden`, unit: 'share of GDP' },
    { id: `${b.id}.capability`, label: `${b.name}: capability`, unit: 'USD m, constant 2015' },
  ]),
  {
    id: 'balance',
    label: 'Capability of NATO Europe and Canada ÷ Russia and Belarus',
    unit: 'capability ratio, NATO Europe and Canada / Russia and Belarus',
  },
  { id: 'balance_nato', label: 'Capability of NATO ÷ Russia and Belarus', unit: 'capability ratio' },
  { id: 'RUS.security_ratio', label: "Russia's capability ÷ its threat", unit: 'capability / threat' },
  { id: 'RUS.frontline_balance', label: "Russia's threat ÷ its capability", unit: 'threat / capability' },
  { id: 'race_intensity', label: 'Race intensity (Wallace)', unit: 'growth rate' },
  { id: 'allies', label: 'Allies', unit: 'allies', count: true },
  { id: 'allies_at_2', label: 'Allies at 2 % of GDP or more', unit: 'allies', count: true },
  { id: 'allies_at_3.5', label: 'Allies at 3.5 % of GDP or more', unit: 'allies', count: true },
  { id: 'allies_short_of_3.5', label: 'Allies below 3.5 % of GDP', unit: 'allies', count: true },
];

/** The position of an output in {@link OUTPUTS}. @throws {RangeError} for an unknown id. */
export function outputIndex(id: string): number {
  const k = OUTPUTS.findIndex((o) => o.id === id);
  if (k < 0)
    throw new RangeError(`output "${id}" is not catalogued; use one of ${OUTPUTS.map((o) => o.id).join(', ')}`);
  return k;
}
