import { describe, expect, it } from 'vitest';
import { parameterLabel, seriesLabel } from '../../../src/core/ensemble/parameter-label.js';
import { UNCERTAIN_PATHS } from '../../../src/core/ensemble/uncertain.js';

const names: Record<string, string> = { RUS: 'Russia', POL: 'Poland', USA: 'United States' };
const nameOf = (iso3: string) => names[iso3];

describe('parameterLabel', () => {
  it('says every kind of uncertain parameter in words, with its symbol', () => {
    expect(
      [
        'response.default.spill_in',
        'response.RUS.elasticity',
        'response.POL.speed',
        'compliance.default',
        'compliance.POL',
        'war.RUS.until',
        'war.RUS.extra_share',
        'war.RUS.fade_years',
        'pledges[0].target',
        'pledges[1].by',
        'geography.decay_km',
        'geography.floor.USA',
        'capability.depreciation',
        'capability.build_share.default',
        'response',
      ].map((p) => parameterLabel(p, nameOf)),
    ).toEqual([
      "allies' spill-in η",
      "Russia's threat elasticity ε",
      "Poland's adjustment speed λ",
      "allies' compliance κ",
      "Poland's compliance κ",
      "Russia's war's end (year)",
      "Russia's war burden",
      "Russia's war's fade (years)",
      "pledge 1's target",
      "pledge 2's due year",
      'distance decay D (km)',
      "United States' proximity floor π",
      'capability depreciation δ',
      "allies' build share φ",
      'the fitted responses (bootstrap draws)',
    ]);
  });

  it('leaves no documented kind of path as a path', () => {
    const examples = UNCERTAIN_PATHS.map((p) =>
      p
        .replace('<ISO3|default>', 'default')
        .replace('<ISO3>', 'RUS')
        .replace('<k>', '0')
        .replace(/\|[a-z_|]+/, '')
        .replace(/:.*$/, '')
        .trim(),
    );
    for (const p of examples) expect({ p, label: parameterLabel(p) }).not.toEqual({ p, label: p });
  });

  it('returns a path it does not know as it is, and names a country by its code without names', () => {
    expect(parameterLabel('nonsense.path')).toBe('nonsense.path');
    expect(parameterLabel('response.RUS.elasticity')).toBe("RUS's threat elasticity ε");
  });
});

describe('seriesLabel', () => {
  it('says the tracked series in words', () => {
    expect(
      [
        'RUS.burden',
        'NATO.spending',
        'NATO_EUR_CAN.burden',
        'RUS_BLOC.spending',
        'RUS.security_ratio',
        'balance',
        'allies_at_3.5',
      ].map((s) => seriesLabel(s, nameOf)),
    ).toEqual([
      "Russia's military burden",
      "NATO's military spending",
      "NATO Europe and Canada's military burden",
      "Russia and Belarus' military spending",
      "Russia's security ratio",
      'the balance of capability',
      'the allies at 3.5 %',
    ]);
  });
});
