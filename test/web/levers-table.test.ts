import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { parseScenario, validateScenario } from '../../src/core/scenario/parse-scenario.js';
import {
  CANDIDATES,
  DEFAULT_LEVERS,
  decodeLevers,
  encodeLevers,
  fittedLevers,
  fromScenario,
  LEVER_GROUPS,
  LEVERS,
  type LeverRow,
  type LeverValues,
  leverDefaults,
  toScenario,
} from '../../web/src/levers.js';

const fitted = fittedLevers(loadDataset().data.fitted);

/** The defaults with one lever moved away from its default, and the checkbox that enables it on. */
function moved(row: LeverRow, defaults: Readonly<LeverValues>): LeverValues {
  const values: LeverValues = { ...defaults, complianceByAlly: { ...defaults.complianceByAlly } };
  const record = values as unknown as Record<string, unknown>;
  if (row.kind === 'check') record[row.key] = !defaults[row.key];
  if (row.kind === 'allies') values.complianceByAlly = { DEU: 1, POL: row.range.min };
  if (row.kind === 'range') {
    const fallback = defaults[row.key];
    record[row.key] = fallback + row.range.step <= row.range.max ? fallback + row.range.step : row.range.min;
    record[row.key] = Math.round((record[row.key] as number) * 1e6) / 1e6;
    if (row.enabledBy !== undefined) record[row.enabledBy] = true;
  }
  return values;
}

describe('the table of levers', () => {
  for (const [name, f] of [
    ['without a fit', undefined],
    ['from the committed fit', fitted],
  ] as const) {
    const defaults = leverDefaults(f);

    it(`has one row for every lever, and the defaults ${name} hold exactly its keys in its order`, () => {
      const keys = LEVERS.map((r) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(Object.keys(defaults)).toEqual(keys);
    });

    it(`puts every row's default ${name} inside its range`, () => {
      for (const row of LEVERS) {
        if (row.kind === 'range') {
          expect(defaults[row.key], row.key).toBeGreaterThanOrEqual(row.range.min);
          expect(defaults[row.key], row.key).toBeLessThanOrEqual(row.range.max);
        } else if (row.kind === 'check') expect(defaults[row.key], row.key).toBe(row.initial);
        else expect(defaults[row.key]).toEqual({});
      }
    });

    it(`round-trips every row ${name} through the scenario (toScenario, YAML, fromScenario)`, () => {
      for (const row of LEVERS) {
        const values = moved(row, defaults);
        expect(values[row.key], row.key).not.toEqual(defaults[row.key]);
        const direct = fromScenario(
          validateScenario(toScenario(values, { fitted: f })) as Parameters<typeof fromScenario>[0],
          defaults,
        );
        expect(direct, row.key).toEqual({ values, ignored: [] });
        const yaml = parseScenario(stringify(toScenario(values, { fitted: f })));
        expect(fromScenario(yaml as Parameters<typeof fromScenario>[0], defaults).values, row.key).toEqual(values);
      }
    });

    it(`round-trips every row ${name} through the URL hash, and only moved levers enter it`, () => {
      expect(encodeLevers(defaults, defaults)).toBe('');
      for (const row of LEVERS) {
        const values = moved(row, defaults);
        const hash = encodeLevers(values, defaults);
        expect(decodeLevers(hash, defaults), row.key).toEqual(values);
        const fields = JSON.parse(atob(hash.replace(/-/g, '+').replace(/_/g, '/')));
        expect(Object.keys(fields)).toContain(row.key);
        if (row.kind !== 'range' || row.enabledBy === undefined) expect(Object.keys(fields)).toEqual([row.key]);
      }
    });
  }

  it('places every row in a group of the panel, the enlargement rows under a candidate', () => {
    for (const row of LEVERS) {
      expect(LEVER_GROUPS, row.key).toContain(row.group);
      expect(row.label.trim(), row.key).not.toBe('');
      if (row.group === 'Enlargement')
        expect(
          CANDIDATES.some((c) => row.key.endsWith(c)),
          row.key,
        ).toBe(true);
    }
    for (const group of LEVER_GROUPS)
      expect(
        LEVERS.some((r) => r.group === group),
        group,
      ).toBe(true);
    expect(new Set(LEVERS.map((r) => r.label)).size).toBe(LEVERS.length);
  });

  it('keeps the hash format: base64url of the JSON of the moved levers', () => {
    const values = { ...DEFAULT_LEVERS, pledgeTarget: 4, joinUKR: true };
    expect(encodeLevers(values)).toBe(
      btoa(JSON.stringify({ pledgeTarget: 4, joinUKR: true }))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, ''),
    );
  });
});
