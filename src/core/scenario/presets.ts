import type { ScenarioInput } from './schema.js';

/** A preset scenario: its id (the file name in `scenarios/`) and its input. */
export interface NamedScenario {
  /** Preset name, e.g. `hague-met` (the file name in `scenarios/`). */
  readonly id: string;
  readonly input: ScenarioInput;
}

/**
 * The demand-model presets of `scenarios/*.yaml`, built in code so that the pure core (and a Web
 * Worker) can run them without reading files. A test checks each against its file.
 */
export const PRESET_SCENARIOS: readonly NamedScenario[] = [
  {
    id: 'status-quo',
    input: {
      name: 'Status quo, 2 % held',
      description:
        'Only the 2 % guideline, held by every ally from 2026; nobody aims higher; Russia answers with the fitted responses.',
      start: 2025,
      end: 2050,
      pledges: [{ name: 'Wales 2 %', target: 0.02, from: 2025, by: 2026 }],
      compliance: { default: 'binding' },
    },
  },
  {
    id: 'hague-met',
    input: {
      name: 'Hague pledge met',
      description:
        'Every ally reaches 3.5 % of GDP by 2035 on a straight path it never falls below; Russia answers with the fitted responses.',
      start: 2025,
      end: 2050,
      pledges: [{ name: 'Hague core', target: 0.035, from: 2025, by: 2035 }],
      compliance: { default: 'binding' },
    },
  },
  {
    id: 'hague-partial',
    input: {
      name: 'Hague pledge partly met (recent trends)',
      description:
        'The Hague 3.5 % by 2035, each ally closing the share of its gap that its rise over the last three years of data would close.',
      start: 2025,
      end: 2050,
      pledges: [{ name: 'Hague core', target: 0.035, from: 2025, by: 2035 }],
      compliance: { default: 'trend' },
    },
  },
  {
    id: 'russia-proportional',
    input: {
      name: 'Hague met, Russia answers in proportion',
      description:
        'The Hague pledge met in full, and Russia answers in proportion: threat elasticity 1, adjusting at 0.5 a year.',
      start: 2025,
      end: 2050,
      pledges: [{ name: 'Hague core', target: 0.035, from: 2025, by: 2035 }],
      compliance: { default: 'binding' },
      response: { RUS: { elasticity: 1.0, speed: 0.5 } },
    },
  },
  {
    id: 'ceasefire-2026',
    input: {
      name: 'Ceasefire in 2026',
      description:
        "A ceasefire in Ukraine in 2026: Russia's and Ukraine's war burdens fade over three years; the Hague pledge at 80 % compliance.",
      start: 2025,
      end: 2050,
      war: { RUS: { until: 2026, fade_years: 3 }, UKR: { until: 2026, fade_years: 3 } },
    },
  },
  {
    id: 'mutual-restraint',
    input: {
      name: 'Mutual restraint',
      description:
        'A ceasefire in 2026, no pledge above 2 %, and weak responses on both sides (threat elasticity 0.1, Russia 0.3).',
      start: 2025,
      end: 2050,
      pledges: [{ name: 'Wales 2 %', target: 0.02, from: 2025, by: 2026 }],
      response: { default: { elasticity: 0.1 }, RUS: { elasticity: 0.3 } },
      war: { RUS: { until: 2026, fade_years: 3 }, UKR: { until: 2026, fade_years: 3 } },
    },
  },
  {
    id: 'ukraine-joins-2035',
    input: {
      name: 'Ukraine joins NATO in 2035',
      description:
        "A ceasefire in 2026 and Ukraine in NATO from 2035, counting in NATO's totals and taking on the pledge.",
      start: 2025,
      end: 2050,
      war: { RUS: { until: 2026, fade_years: 3 }, UKR: { until: 2026, fade_years: 3 } },
      enlargement: [{ country: 'UKR', year: 2035 }],
    },
  },
];
