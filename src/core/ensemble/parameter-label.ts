/** The symbols of docs/model.md, by the field a path ends in. */
const RESPONSE_FIELDS: Readonly<Record<string, string>> = {
  elasticity: 'threat elasticity ε',
  spill_in: 'spill-in η',
  speed: 'adjustment speed λ',
};

const WAR_FIELDS: Readonly<Record<string, string>> = {
  extra_share: 'war burden',
  until: "war's end (year)",
  fade_years: "war's fade (years)",
};

/** "Russia's", "the allies'": the possessive of a name. */
function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/**
 * Return an uncertain parameter of an ensemble (a path of `ensemble.uncertain`) in words, with its
 * symbol in docs/model.md: `response.default.spill_in` is "allies' spill-in η",
 * `response.RUS.elasticity` "Russia's threat elasticity ε". `default` stands for the actors the
 * scenario does not name, the allies in practice. A path it does not know is returned as it is.
 *
 * @param path A path of `ensemble.uncertain`, e.g. `compliance.default`.
 * @param nameOf A country's name from its ISO3 code (the scenario's actors); the code without it.
 * @example parameterLabel('response.default.spill_in') // "allies' spill-in η"
 */
export function parameterLabel(path: string, nameOf: (iso3: string) => string | undefined = () => undefined): string {
  const whose = (who: string) => (who === 'default' ? "allies'" : possessive(nameOf(who) ?? who));
  if (path === 'response') return 'the fitted responses (bootstrap draws)';
  let m = /^response\.([A-Za-z]+)\.(elasticity|spill_in|speed)$/.exec(path);
  if (m !== null) return `${whose(m[1] as string)} ${RESPONSE_FIELDS[m[2] as string]}`;
  m = /^compliance\.([A-Za-z]+)$/.exec(path);
  if (m !== null) return `${whose(m[1] as string)} compliance κ`;
  m = /^war\.([A-Za-z]+)\.(extra_share|until|fade_years)$/.exec(path);
  if (m !== null) return `${whose(m[1] as string)} ${WAR_FIELDS[m[2] as string]}`;
  m = /^pledges\[(\d+)\]\.(target|by)$/.exec(path);
  if (m !== null) return `pledge ${Number(m[1]) + 1}'s ${m[2] === 'target' ? 'target' : 'due year'}`;
  if (path === 'geography.decay_km') return 'distance decay D (km)';
  m = /^geography\.floor\.([A-Za-z]+)$/.exec(path);
  if (m !== null) return `${whose(m[1] as string)} proximity floor π`;
  if (path === 'capability.depreciation') return 'capability depreciation δ';
  m = /^capability\.build_share\.([A-Za-z]+)$/.exec(path);
  if (m !== null) return `${whose(m[1] as string)} build share φ`;
  return path;
}

const BLOCS: Readonly<Record<string, string>> = {
  NATO: 'NATO',
  NATO_EUR_CAN: 'NATO Europe and Canada',
  RUS_BLOC: 'Russia and Belarus',
};

const MEASURES: Readonly<Record<string, string>> = {
  burden: 'military burden',
  spending: 'military spending',
  security_ratio: 'security ratio',
};

const INDICATORS: Readonly<Record<string, string>> = {
  balance: 'the balance of capability',
  race_intensity: 'the race intensity',
  allies_at_2: 'the allies at 2 %',
  'allies_at_3.5': 'the allies at 3.5 %',
  'allies_short_of_3.5': 'the allies short of 3.5 %',
};

/**
 * Return a tracked series of an ensemble in words: `RUS.burden` is "Russia's military burden",
 * `NATO.spending` "NATO's military spending". A name it does not know is returned as it is.
 *
 * @param name A series name, e.g. `RUS.burden`.
 * @param nameOf A country's name from its ISO3 code (the scenario's actors); the code without it.
 * @example seriesLabel('NATO_EUR_CAN.burden') // "NATO Europe and Canada's military burden"
 */
export function seriesLabel(name: string, nameOf: (iso3: string) => string | undefined = () => undefined): string {
  const indicator = INDICATORS[name];
  if (indicator !== undefined) return indicator;
  const m = /^([A-Z_]+)\.(burden|spending|security_ratio)$/.exec(name);
  if (m === null) return name;
  const who = BLOCS[m[1] as string] ?? nameOf(m[1] as string) ?? (m[1] as string);
  return `${possessive(who)} ${MEASURES[m[2] as string]}`;
}
