import type { NamedScenario } from './types.js';

/**
 * The demand-model presets of `scenarios/*.yaml`, built in code so that the pure core (and a Web
 * Worker) can run them without reading files. A test checks each against its file.
 */
export const PRESET_SCENARIOS: readonly NamedScenario[] = [
  {
    id: 'status-quo',
    input: {
      name: 'Status quo, 2 % held',
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
      start: 2025,
      end: 2050,
      war: { RUS: { until: 2026, fade_years: 3 }, UKR: { until: 2026, fade_years: 3 } },
    },
  },
  {
    id: 'mutual-restraint',
    input: {
      name: 'Mutual restraint',
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
      start: 2025,
      end: 2050,
      war: { RUS: { until: 2026, fade_years: 3 }, UKR: { until: 2026, fade_years: 3 } },
      enlargement: [{ country: 'UKR', year: 2035 }],
    },
  },
];
