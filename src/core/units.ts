import { InputError } from './errors.js';

/**
 * Read a share of GDP written as a percentage (`3.5%`) or a fraction (`0.035`).
 *
 * @param text the value as typed
 * @param field the option or field name used in the error message
 * @throws {InputError} `bad-share` for text that is neither, or a share outside [0, 1].
 * @example parseShare('3.5%', 'threshold') // 0.035
 */
export function parseShare(text: string | number, field: string): number {
  const raw = String(text).trim();
  const pct = /^([-+]?\d+(?:\.\d+)?)\s*%$/.exec(raw);
  let value: number;
  if (pct) {
    value = Number(pct[1]) / 100;
  } else if (/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(raw)) {
    value = Number(raw);
    if (value > 1) {
      throw new InputError(
        'bad-share',
        `${field}: ${raw} is ambiguous; write a percentage such as ${raw}% or a fraction such as ${value / 100}`,
        field,
      );
    }
  } else {
    throw new InputError(
      'bad-share',
      `${field}: "${raw}" is not a share of GDP; write a percentage such as 3.5% or a fraction such as 0.035`,
      field,
    );
  }
  if (!(value >= 0 && value <= 1)) {
    throw new InputError(
      'bad-share',
      `${field}: ${raw} is out of range; a share of GDP lies between 0% and 100%`,
      field,
    );
  }
  return value;
}
