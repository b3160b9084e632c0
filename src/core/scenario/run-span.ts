import { DEFAULTS } from './defaults.js';
import { LIMITS, type ScenarioInput } from './schema.js';

/**
 * A run's first year and end (exclusive) as every consumer resolves them: `start` defaults to
 * {@link DEFAULTS.start}; `end` to {@link DEFAULTS.end}, or the year after `start` when the start is
 * that late — the same rule for both models — and never past the last year the schema accepts.
 *
 * @example runSpan({}) // { start: 2025, end: 2050 }
 * @example runSpan({ model: 'richardson', start: 1960 }).end // 2050
 */
export function runSpan(input: Pick<ScenarioInput, 'start' | 'end'>): { start: number; end: number } {
  const start = input.start ?? DEFAULTS.start;
  const end = input.end ?? Math.min(Math.max(DEFAULTS.end, start + 1), LIMITS.year[1]);
  return { start, end };
}
