import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { richardsonStability } from '../model/richardson.js';
import { DEFAULTS } from './defaults.js';
import { runSpan } from './run-span.js';
import { LIMITS, type ScenarioInput, scenarioSchema } from './schema.js';
import { showValue } from './show-value.js';

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

/**
 * One problem as a {@link ScenarioError}: `<path>: <message>`.
 *
 * @example scenarioError('scenario.end', 2020, '2020 is not after start 2025').message // 'scenario.end: 2020 is not after start 2025'
 */
export function scenarioError(path: string, value: unknown, message: string): ScenarioError {
  return new ScenarioError([{ path, value, message: `${path}: ${message}` }]);
}

const show = showValue;

/** How deep a scenario's values may nest: its deepest field (`richardson.reaction[i][j]`) is 4 levels down. */
const MAX_DEPTH = 16;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

const pathText = (path: readonly PropertyKey[]) => {
  const text = [
    'scenario',
    ...path.map((k) =>
      typeof k === 'number'
        ? `[${k}]`
        : /^[\w-]+$/.test(String(k))
          ? String(k)
          : `[${JSON.stringify(String(k).length > 60 ? `${String(k).slice(0, 57)}...` : String(k))}]`,
    ),
  ]
    .join('.')
    .replace(/\.\[/g, '[');
  return text;
};

/** Zod's own wording ("Invalid input: …", "Too big: …"), which a message must not show. */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized|Expected|Required)/;

function describe(issue: z.core.$ZodIssue, root: unknown): ScenarioIssue {
  const path = pathText(issue.path);
  const value = valueAt(root, issue.path);
  const own = ZOD_WORDING.test(issue.message) ? undefined : issue.message;
  let message: string;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 5).map((k) => show(k));
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
      message = `${path}: unknown field${issue.keys.length > 1 ? 's' : ''} ${keys.join(', ')}${more}; check the spelling against docs/scenario.md`;
      break;
    }
    case 'invalid_type': {
      const notFinite = typeof value === 'number' && !Number.isFinite(value);
      if (own !== undefined)
        message = `${path}: ${show(value)} ${notFinite ? own.replace(/^is not a number/, 'is not a finite number') : own}`;
      else if (issue.expected === 'int') message = `${path}: ${show(value)} is not a whole number; write e.g. 2035`;
      else if (issue.expected === 'number')
        message = `${path}: ${show(value)} is not ${notFinite ? 'a finite number' : 'a number'}; see docs/scenario.md for the field's range`;
      else if (issue.expected === 'array' || issue.expected === 'tuple')
        message = `${path}: ${show(value)} is not a list; see docs/scenario.md for the field`;
      else if (issue.expected === 'object' || issue.expected === 'record')
        message = `${path}: ${show(value)} is not a mapping of fields; see docs/scenario.md for the field`;
      else if (issue.expected === 'string') message = `${path}: ${show(value)} is not text; write a name`;
      else if (issue.expected === 'boolean')
        message = `${path}: ${show(value)} is not true or false; write true or false`;
      else message = `${path}: ${show(value)} is not of type ${issue.expected}; see docs/scenario.md`;
      break;
    }
    case 'invalid_value':
      message =
        own !== undefined
          ? `${path}: ${show(value)} ${own}`
          : `${path}: ${show(value)} is not accepted; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'invalid_union':
      message = issue.path.includes('uncertain')
        ? `${path}: ${show(value)} is not a known distribution; use normal: [mean, sd], lognormal: [mu, sigma], uniform: [low, high], triangular: [low, mode, high] or bootstrap: fitted`
        : unionMessage(issue, path, value);
      break;
    case 'invalid_key': {
      // The path ends with the key itself: echo the key, not the value under it.
      const key = issue.path[issue.path.length - 1];
      const inner = issue.issues.map((i) => i.message).find((m) => !ZOD_WORDING.test(m));
      message = `${path}: ${show(String(key))} is not accepted as a key; ${inner === undefined ? 'see docs/scenario.md' : `it ${inner}`}${inner?.includes('ISO 3166') ? ', or default' : ''}`;
      break;
    }
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? `at most ${issue.maximum}` : `at least ${issue.minimum}`;
      if (Array.isArray(value) && issue.code === 'too_big')
        message = `${path}: has ${value.length} entries, too many; give ${bound}`;
      else message = `${path}: ${show(value)} ${own ?? `is out of range; use ${bound}`}`;
      break;
    }
    case 'custom':
      message = `${path}: ${issue.message}`;
      break;
    default:
      message = `${path}: ${show(value)} ${own ?? 'is not accepted; see docs/scenario.md for the field'}`;
  }
  if (
    value === undefined &&
    issue.path.length > 0 &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_union')
  ) {
    // A required field left out: say so, then what it takes.
    const accepted = message.split('; ').slice(1).join('; ');
    message = `${path}: missing; ${accepted || 'the field is required (docs/scenario.md)'}`;
  }
  return { path, value, message };
}

/** A union's message: the deepest own message of its branches when one says more than "not accepted". */
function unionMessage(issue: z.core.$ZodIssueInvalidUnion, path: string, value: unknown): string {
  const own = issue.errors
    .flat()
    .filter((i) => i.path.length === 0 && !ZOD_WORDING.test(i.message))
    .map((i) => i.message);
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${path}: ${show(value)} is not a finite number; see docs/scenario.md for the field's range`;
  if (own.length > 0) return `${path}: ${show(value)} ${own[0]}`;
  if (path.endsWith('target') || /\.(min|max|extra_share)$/.test(path))
    return `${path}: ${show(value)} is not a share of GDP; write a percentage such as 3.5% or a fraction such as 0.035`;
  if (/compliance/.test(path))
    return `${path}: ${show(value)} is not accepted; use a number from 0 to 1, trend or binding`;
  if (/events\[\d+\]$/.test(path))
    return `${path}: ${show(value)} is not an event; write { series: RUS.burden, above: 10%, when: any } or { stability: positive, year: 2035 }`;
  if (/events\[\d+\]\.when$/.test(path)) return `${path}: ${show(value)} is not accepted; use any, all or a year`;
  return `${path}: ${show(value)} is not accepted; see docs/scenario.md for the field`;
}

/**
 * Refuse a value that contains itself (a YAML alias inside its own anchor, `end: &a [*a]`) or nests
 * deeper than any field does: neither can be validated, echoed or run.
 */
function structureIssues(raw: object): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const onPath = new Set<object>();
  const seen = new Set<object>();
  const walk = (v: object, path: PropertyKey[]): void => {
    if (issues.length >= 10) return;
    if (path.length > MAX_DEPTH) {
      const where = pathText(path.slice(0, 3));
      issues.push({
        path: where,
        value: undefined,
        message: `${where}: nests deeper than ${MAX_DEPTH} levels; no field of a scenario does (see docs/scenario.md)`,
      });
      return;
    }
    onPath.add(v);
    for (const [k, child] of Object.entries(v)) {
      if (child === null || typeof child !== 'object') continue;
      const key = Array.isArray(v) ? Number(k) : k;
      if (onPath.has(child)) {
        const where = pathText(path.length > 0 ? path : [key]);
        issues.push({
          path: where,
          value: undefined,
          message: `${where}: contains itself (a YAML alias inside its own anchor, such as &a [*a]); write the value out`,
        });
        continue;
      }
      if (seen.has(child)) continue;
      seen.add(child);
      walk(child, [...path, key]);
    }
    onPath.delete(v);
  };
  walk(raw, []);
  return issues;
}

/** The largest exponent of e a Richardson run may grow by: 10^100. */
const MAX_GROWTH = 100 * Math.LN10;
/** RK4 is stable for a step `h` and a rate `λ` with `|λ|·h` up to about 2.8; kept below this. */
const RK4_STABLE = 2.5;

/** Checks across fields that a schema of one field cannot make. */
function crossChecks(s: ScenarioInput): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, value: unknown, message: string) =>
    issues.push({ path, value, message: `${path}: ${message}` });
  const { start, end } = runSpan(s);
  if (s.start !== undefined && s.end !== undefined && s.end <= s.start) {
    add('scenario.end', s.end, `${s.end} is not after start ${s.start}; the end year must come after the start year`);
  } else if (end <= start) {
    add(
      'scenario.end',
      end,
      `${end} is not after the start ${start} (the default); the end year must come after the start year, or set start too`,
    );
  }
  const stepYears = s.step_years ?? (s.model === 'richardson' ? 1 / 12 : DEFAULTS.stepYears);
  const steps = (end - start) / stepYears;
  // The step serves RK4, and every ensemble member (which runs RK4 whatever the solver).
  if ((s.solver !== 'dopri' || s.ensemble !== undefined) && end > start && steps > LIMITS.maxSteps) {
    add(
      'scenario.step_years',
      stepYears,
      `${show(s.step_years)} over ${start}–${end} makes ${Math.ceil(steps).toLocaleString('en-US')} steps; a run takes at most ${LIMITS.maxSteps.toLocaleString('en-US')}: use a step of at least ${((end - start) / LIMITS.maxSteps).toPrecision(3)} years or a shorter span`,
    );
  }
  s.pledges?.forEach((p, i) => {
    if (p.from !== undefined && p.by <= p.from)
      add(`scenario.pledges[${i}].by`, p.by, `${p.by} is not after from ${p.from}; a pledge is due after it starts`);
  });
  if (s.bounds?.min !== undefined && s.bounds.max !== undefined && s.bounds.min >= s.bounds.max) {
    add(
      'scenario.bounds.min',
      s.bounds.min,
      `${s.bounds.min} is not below bounds.max ${s.bounds.max}; the lower bound on burdens must be below the upper`,
    );
  } else if (s.bounds?.min !== undefined && s.bounds.max === undefined && s.bounds.min >= DEFAULTS.maxShare) {
    add(
      'scenario.bounds.min',
      s.bounds.min,
      `${s.bounds.min} is not below the default bounds.max ${DEFAULTS.maxShare}; set bounds.max above it too`,
    );
  }
  const uncertain = Object.keys(s.ensemble?.uncertain ?? {}).length;
  if (uncertain > LIMITS.uncertain)
    add(
      'scenario.ensemble.uncertain',
      uncertain,
      `has ${uncertain} parameters; at most ${LIMITS.uncertain} (docs/uncertainty.md lists the paths)`,
    );
  const r = s.richardson;
  if (r !== undefined) {
    const n = r.actors.length;
    let shaped = true;
    if (r.reaction.length !== n || r.reaction.some((row) => row.length !== n)) {
      shaped = false;
      add(
        'scenario.richardson.reaction',
        `${r.reaction.length}×${r.reaction[0]?.length ?? 0}`,
        `the reaction matrix must be ${n}×${n} for ${n} actors`,
      );
    } else {
      r.reaction.forEach((row, i) => {
        if (row[i] !== 0) {
          shaped = false;
          add(
            `scenario.richardson.reaction[${i}][${i}]`,
            row[i],
            `${row[i]} on the diagonal; an actor does not react to itself (use fatigue), write 0`,
          );
        }
      });
    }
    for (const field of ['fatigue', 'grievance', 'initial'] as const) {
      if (r[field].length !== n) {
        shaped = false;
        add(
          `scenario.richardson.${field}`,
          r[field].length,
          `has ${r[field].length} ${r[field].length === 1 ? 'entry' : 'entries'}; give one per actor (${n})`,
        );
      }
    }
    if (shaped && end > start)
      issues.push(...richardsonChecks(r, end - start, s.solver === 'dopri' ? undefined : stepYears));
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
 * A Richardson system the run can report: its growth over the span stays below 10^100 (the
 * stability margin times the years), and RK4's step resolves its fastest rate.
 */
function richardsonChecks(
  r: NonNullable<ScenarioInput['richardson']>,
  years: number,
  rk4Step: number | undefined,
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const stability = richardsonStability({
    reactionMatrix: Float64Array.from(r.reaction.flat()),
    fatigueRate: Float64Array.from(r.fatigue),
    grievance: Float64Array.from(r.grievance),
  });
  const margin = stability.margin;
  if (margin * years > MAX_GROWTH) {
    const path = 'scenario.richardson.reaction';
    issues.push({
      path,
      value: margin,
      message: `${path}: the system grows as e^(${margin.toPrecision(3)}·t), by 10^${Math.round((margin * years) / Math.LN10)} over ${years} years, beyond what a run reports (10^100); lower the reactions, raise the fatigue or end earlier`,
    });
  }
  if (rk4Step !== undefined) {
    let fastest = 0;
    const { real, imaginary } = stability.eigenvalues;
    for (let k = 0; k < real.length; k++)
      fastest = Math.max(fastest, Math.sqrt((real[k] as number) ** 2 + (imaginary[k] as number) ** 2));
    if (fastest * rk4Step > RK4_STABLE) {
      const path = 'scenario.step_years';
      issues.push({
        path,
        value: rk4Step,
        message: `${path}: ${rk4Step.toPrecision(3)} is too long for this system's fastest rate, ${fastest.toPrecision(3)} per year (RK4 needs step × rate ≤ ${RK4_STABLE}); use a step of at most ${(RK4_STABLE / fastest).toPrecision(3)} years or solver: dopri`,
      });
    }
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
    raw = text.trim() === '' ? {} : parseYaml(text, { prettyErrors: true, logLevel: 'error' });
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const message = first !== undefined && first.length > 160 ? `${first.slice(0, 157)}...` : first;
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
  const structure = structureIssues(raw);
  if (structure.length > 0) throw new ScenarioError(structure);
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) {
    // One problem per field (a year of 1e300 is neither whole nor in range: say the first), at most 50.
    const byPath = new Map<string, ScenarioIssue>();
    for (const issue of result.error.issues) {
      const described = describe(issue, raw);
      if (!byPath.has(described.path)) byPath.set(described.path, described);
      if (byPath.size >= 50) break;
    }
    throw new ScenarioError([...byPath.values()]);
  }
  const issues = crossChecks(result.data);
  if (issues.length > 0) throw new ScenarioError(issues);
  return result.data;
}
