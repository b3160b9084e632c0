import { ArmsraceError, DataFileError, InputError } from '../core/errors.js';
import { ScenarioError, type ScenarioIssue } from '../core/scenario/parse-scenario.js';

/** An error thrown in a worker thread, as plain data that crosses to the thread that asked. */
export interface SerializedWorkerError {
  /** The error's class name (`ScenarioError`, `RangeError` …). */
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** The code and path of an {@link ArmsraceError}. */
  readonly code?: string;
  readonly path?: string;
  /** The issues of a {@link ScenarioError}. */
  readonly issues?: readonly ScenarioIssue[];
  /** Which family to rebuild: the project's errors keep their class, the built-in ones theirs. */
  readonly kind: 'scenario' | 'input' | 'data-file' | 'armsrace' | 'range' | 'type' | 'other';
}

/**
 * An error as plain data: its class family, name, message, stack, and the code, path and issues of
 * the project's errors, so that {@link reviveWorkerError} rebuilds one that `instanceof` tells apart.
 *
 * @example serializeWorkerError(new RangeError('no GDP for 2031')).kind // 'range'
 */
export function serializeWorkerError(error: unknown): SerializedWorkerError {
  if (!(error instanceof Error)) return { kind: 'other', name: 'Error', message: String(error) };
  const common = {
    name: error.name,
    message: error.message,
    ...(error.stack === undefined ? {} : { stack: error.stack }),
  };
  if (error instanceof ScenarioError) return { ...common, kind: 'scenario', issues: error.issues };
  if (error instanceof ArmsraceError) {
    const kind = error instanceof DataFileError ? 'data-file' : error instanceof InputError ? 'input' : 'armsrace';
    return { ...common, kind, code: error.code, ...(error.path === undefined ? {} : { path: error.path }) };
  }
  if (error instanceof RangeError) return { ...common, kind: 'range' };
  if (error instanceof TypeError) return { ...common, kind: 'type' };
  return { ...common, kind: 'other' };
}

/**
 * The error a worker threw, rebuilt in this thread: a {@link ScenarioError} with its issues, an
 * {@link InputError}, {@link DataFileError} or {@link ArmsraceError} with its code and path (and the
 * subclass's name), a `RangeError`, `TypeError` or `Error`; its stack is the worker's.
 */
export function reviveWorkerError(e: SerializedWorkerError): Error {
  let error: Error;
  switch (e.kind) {
    case 'scenario':
      error = new ScenarioError(e.issues ?? []);
      break;
    case 'input':
      error = new InputError(e.code ?? 'input', e.message, e.path);
      break;
    case 'data-file':
      error = new DataFileError(e.code ?? 'data-file', e.message, e.path);
      break;
    case 'armsrace':
      error = new ArmsraceError(e.code ?? 'error', e.message, e.path);
      break;
    case 'range':
      error = new RangeError(e.message);
      break;
    case 'type':
      error = new TypeError(e.message);
      break;
    default:
      error = new Error(e.message);
  }
  // A subclass this module does not know (a store error, a model error) keeps its name.
  if (error.name !== e.name)
    Object.defineProperty(error, 'name', { value: e.name, configurable: true, writable: true });
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}
