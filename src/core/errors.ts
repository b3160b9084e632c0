/**
 * One base error with a stable `code`; subclasses per kind of failure. A message says what
 * failed, the offending value and what would be accepted.
 */
export class ArmsraceError extends Error {
  /** Stable machine-readable code, e.g. `unknown-year`. */
  readonly code: string;
  /** Where the bad value sits: a field path (`scenario.response.RUS.speed`) or a file location. */
  readonly path: string | undefined;

  constructor(code: string, message: string, path?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.path = path;
  }
}

/** Bad input from a user: an option, a request, a scenario. The CLI exits 2, the server answers 4xx. */
export class InputError extends ArmsraceError {}

/** A data file that cannot be read as the format it claims to be. The CLI exits 2. */
export class DataFileError extends ArmsraceError {}
