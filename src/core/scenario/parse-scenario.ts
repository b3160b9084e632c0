import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { type ScenarioInput, scenarioSchema } from './schema.js';

/** One problem found in a scenario: where, the offending value, and what is accepted. */
export interface ScenarioIssue {
  /** Dotted path from the scenario root, e.g. `scenario.response.RUS.speed`. */
  readonly path: string;
  readonly value: unknown;
  readonly message: string;
}

/** A scenario that cannot be used; `issues` lists every problem, each in one line of the message. */
export class ScenarioError extends InputError {
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super('bad-scenario', issues.map((i) => i.message).join('\n'), issues[0]?.path);
    this.issues = issues;
  }
}

const show = (v: unknown): string => {
  if (v === undefined) return 'missing';
  const text = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

const pathText = (path: readonly PropertyKey[]) =>
  [
    'scenario',
    ...path.map((k) =>
      typeof k === 'number' ? `[${k}]` : /^[\w-]+$/.test(String(k)) ? String(k) : `["${String(k)}"]`,
    ),
  ]
    .join('.')
    .replace(/\.\[/g, '[');

function describe(issue: z.core.$ZodIssue, root: unknown): ScenarioIssue {
  const path = pathText(issue.path);
  const value = valueAt(root, issue.path);
  let message: string;
  switch (issue.code) {
    case 'unrecognized_keys':
      message = `${path}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling against docs/scenario.md`;
      break;
    case 'invalid_type':
      message =
        issue.expected === 'int'
          ? `${path}: ${show(value)} is not a whole number; write e.g. 2035`
          : `${path}: ${show(value)} is not ${issue.expected === 'number' ? 'a number' : `of type ${issue.expected}`}`;
      break;
    case 'invalid_value':
      message = `${path}: ${show(value)} is not accepted; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'invalid_union':
      message = issue.path.includes('uncertain')
        ? `${path}: ${show(value)} is not a known distribution; use normal: [mean, sd], lognormal: [mu, sigma], uniform: [low, high], triangular: [low, mode, high] or bootstrap: fitted`
        : `${path}: ${show(value)} is not accepted`;
      break;
    default:
      message = `${path}: ${show(value)} ${issue.message}`;
  }
  // zod's own wording for custom messages already reads "value …"; keep the value once.
  if (issue.code === 'custom') message = `${path}: ${issue.message}`;
  return { path, value, message };
}

/** Checks across fields that a schema of one field cannot make. */
function crossChecks(s: ScenarioInput): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, value: unknown, message: string) =>
    issues.push({ path, value, message: `${path}: ${message}` });
  if (s.start !== undefined && s.end !== undefined && s.end <= s.start) {
    add('scenario.end', s.end, `${s.end} is not after start ${s.start}; the end year must come after the start year`);
  }
  s.pledges?.forEach((p, i) => {
    if (p.from !== undefined && p.by <= p.from)
      add(`scenario.pledges[${i}].by`, p.by, `${p.by} is not after from ${p.from}; a pledge is due after it starts`);
  });
  if (s.bounds?.min !== undefined && s.bounds.max !== undefined && s.bounds.min >= s.bounds.max) {
    add('scenario.bounds.min', s.bounds.min, `${s.bounds.min} is not below bounds.max ${s.bounds.max}`);
  }
  const r = s.richardson;
  if (r !== undefined) {
    const n = r.actors.length;
    if (r.reaction.length !== n || r.reaction.some((row) => row.length !== n)) {
      add(
        'scenario.richardson.reaction',
        `${r.reaction.length}×${r.reaction[0]?.length ?? 0}`,
        `the reaction matrix must be ${n}×${n} for ${n} actors`,
      );
    } else {
      r.reaction.forEach((row, i) => {
        if (row[i] !== 0)
          add(
            `scenario.richardson.reaction[${i}][${i}]`,
            row[i],
            `${row[i]} on the diagonal; an actor does not react to itself (use fatigue), write 0`,
          );
      });
    }
    for (const field of ['fatigue', 'grievance', 'initial'] as const) {
      if (r[field].length !== n)
        add(
          `scenario.richardson.${field}`,
          r[field].length,
          `has ${r[field].length} ${r[field].length === 1 ? 'entry' : 'entries'}; give one per actor (${n})`,
        );
    }
  }
  if (s.model === 'richardson' && r === undefined) {
    add(
      'scenario.richardson',
      undefined,
      'missing; model: richardson needs actors, reaction, fatigue, grievance and initial',
    );
  }
  return issues;
}

/**
 * Parse and validate a scenario from YAML or JSON text (JSON is valid YAML).
 *
 * @throws {ScenarioError} listing every problem with the field's path, the value and what is accepted.
 * @example parseScenario('start: 2025\nend: 2050').end // 2050
 */
export function parseScenario(text: string): ScenarioInput {
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ScenarioError([
      { path: 'scenario', value: undefined, message: `scenario: not valid YAML or JSON: ${message}` },
    ]);
  }
  return validateScenario(raw ?? {});
}

/**
 * Validate a scenario given as an object (as parsed from YAML or JSON).
 *
 * @throws {ScenarioError} as {@link parseScenario}.
 */
export function validateScenario(raw: unknown): ScenarioInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ScenarioError([
      {
        path: 'scenario',
        value: raw,
        message: `scenario: ${show(raw)} is not a mapping of fields; write "field: value" lines, e.g. "end: 2050"`,
      },
    ]);
  }
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) throw new ScenarioError(result.error.issues.map((i) => describe(i, raw)));
  const issues = crossChecks(result.data);
  if (issues.length > 0) throw new ScenarioError(issues);
  return result.data;
}
