import { ArmsraceError, DataFileError, InputError } from '../core/errors.js';
import { ScenarioError, type ScenarioIssue } from '../core/scenario/parse-scenario.js';
import { StoreError } from '../node/store.js';

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
  /** For a scenario error: every problem found, each with its path, value and message. */
  readonly issues?: readonly ScenarioIssue[];
}

/** HTTP status of the store's error codes. */
const STORE_STATUS: Readonly<Record<string, number>> = {
  'scenario-not-found': 404,
  'duplicate-name': 409,
};

/**
 * Map an error to its HTTP status and JSON body: {@link HttpError} keeps its status, a scenario
 * error is 422 with its issues, a store error 404/409/422, other bad input 400; anything else is
 * 500 `internal` with a message that hides the details (which `unexpected` receives).
 *
 * @example errorResponse(new InputError('bad-year', 'year: "x" is not a year', 'year')).status // 400
 */
export function errorResponse(
  error: unknown,
  unexpected: (error: unknown) => void = () => undefined,
): { status: number; body: ErrorBody } {
  const body = (e: ArmsraceError, extra: Partial<ErrorBody> = {}): ErrorBody => ({
    code: e.code,
    message: e.message,
    ...(e.path === undefined ? {} : { path: e.path }),
    ...extra,
  });
  if (error instanceof HttpError) return { status: error.status, body: body(error) };
  if (error instanceof ScenarioError) return { status: 422, body: body(error, { issues: error.issues }) };
  if (error instanceof StoreError) return { status: STORE_STATUS[error.code] ?? 422, body: body(error) };
  if (error instanceof InputError) return { status: 400, body: body(error) };
  if (error instanceof RangeError) {
    // Argument checks of the library (e.g. runs out of range) that the request checks missed.
    if (/^[\w.[\]-]+: /.test(error.message))
      return { status: 422, body: { code: 'bad-request', message: error.message } };
  }
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
