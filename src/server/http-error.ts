import { ArmsraceError, DataFileError, InputError } from '../core/errors.js';
import { ScenarioError, type ScenarioIssue } from '../core/scenario/parse-scenario.js';
import { StoreError, StoreUnavailableError } from '../node/store.js';

/** An error with the HTTP status it answers with. */
export class HttpError extends ArmsraceError {
  /** HTTP status code, e.g. 413. */
  readonly status: number;

  constructor(status: number, code: string, message: string, path?: string) {
    super(code, message, path);
    this.status = status;
  }
}

/** The JSON body of every error answer: never a stack trace. */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  /** For a scenario error: the first problems found, each with its path, value and message. */
  readonly issues?: readonly ScenarioIssue[];
}

/** Longest value an error message echoes, in characters; longer ones are cut and end with "…". */
export const MAX_ECHO = 80;
/** Most scenario issues an answer lists; the message counts the others. */
export const MAX_ISSUES = 20;
/** Longest message of an answer (a scenario error's first line per issue excepted), in characters. */
const MAX_MESSAGE = 600;

/**
 * A value as echoed in a message or a path: `text` itself up to `max` characters, else its first
 * `max` characters and "…".
 *
 * @example clip('x'.repeat(100)).length // 81
 */
export function clip(text: string, max = MAX_ECHO): string {
  if (text.length <= max) return text;
  // Never cut a character in two.
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, cut)}…`;
}

/** JSON text of a value as echoed: at most {@link MAX_ECHO} characters. */
export function clipJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined; // too deep or circular: nothing worth echoing
  }
  return clip(text ?? String(value));
}

/**
 * Cut what a message echoes of the request: every run of more than {@link MAX_ECHO} non-blank
 * characters, and a message still longer than `max` in its middle (its start names the field, its
 * end what is accepted).
 */
function clipMessage(message: string, max = MAX_MESSAGE): string {
  const cut = message.replace(/[^\s"]{82,}/g, (run) => clip(run));
  if (cut.length <= max) return cut;
  const head = clip(cut, Math.round(max * 0.65)).slice(0, -1);
  return `${head} … ${cut.slice(cut.length - Math.round(max * 0.3))}`;
}

/** A scenario issue as answered: its message, path and value cut. */
function clipIssue(issue: ScenarioIssue): ScenarioIssue {
  const value = issue.value;
  const shown = value === undefined ? undefined : clipJson(value).endsWith('…') ? clipJson(value) : (value as unknown);
  return {
    ...issue,
    path: clip(issue.path, 120),
    message: clipMessage(issue.message, 400),
    ...(shown === undefined ? {} : { value: shown }),
  };
}

/** HTTP status of the store's error codes. */
const STORE_STATUS: Readonly<Record<string, number>> = {
  'scenario-not-found': 404,
  'duplicate-name': 409,
  'store-damaged': 503,
  'store-busy': 503,
  'store-full': 507,
};

/**
 * Map an error to its HTTP status and JSON body: {@link HttpError} keeps its status, a scenario
 * error is 422 with its first {@link MAX_ISSUES} issues, a store error 404/409/422, the store
 * unavailable 503 (`store-damaged`, `store-busy`) or 507 (`store-full`), other bad input 400;
 * anything else (a `RangeError` of the library included: a check the request missed) is 500
 * `internal` with a message that hides the details (which `unexpected` receives). Every value the
 * message, the path or an issue echoes is cut to {@link MAX_ECHO} characters.
 *
 * @example errorResponse(new InputError('bad-year', 'year: "x" is not a year', 'year')).status // 400
 */
export function errorResponse(
  error: unknown,
  unexpected: (error: unknown) => void = () => undefined,
): { status: number; body: ErrorBody } {
  const body = (e: ArmsraceError, extra: Partial<ErrorBody> = {}): ErrorBody => ({
    code: e.code,
    message: clipMessage(e.message),
    ...(e.path === undefined ? {} : { path: clip(e.path, 120) }),
    ...extra,
  });
  if (error instanceof HttpError) return { status: error.status, body: body(error) };
  if (error instanceof ScenarioError) {
    const issues = error.issues.slice(0, MAX_ISSUES).map(clipIssue);
    const more = error.issues.length - issues.length;
    const message = `${issues.map((i) => i.message).join('\n')}${more > 0 ? `\n… and ${more.toLocaleString('en-US')} more problems` : ''}`;
    return {
      status: 422,
      body: {
        code: error.code,
        message,
        ...(error.path === undefined ? {} : { path: clip(error.path, 120) }),
        issues,
      },
    };
  }
  if (error instanceof StoreError || error instanceof StoreUnavailableError) {
    return { status: STORE_STATUS[error.code] ?? (error instanceof StoreError ? 422 : 503), body: body(error) };
  }
  if (error instanceof InputError) return { status: 400, body: body(error) };
  unexpected(error);
  if (error instanceof DataFileError) {
    return { status: 500, body: { code: error.code, message: `the server's data cannot be read: ${error.message}` } };
  }
  return {
    status: 500,
    body: {
      code: 'internal',
      message: 'an unexpected error stopped this request; the server logged it and keeps running',
    },
  };
}
