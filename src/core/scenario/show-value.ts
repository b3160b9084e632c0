/** The most characters of a value a message echoes. */
export const SHOWN_CHARACTERS = 80;

/**
 * A value as a message echoes it: text in quotes, numbers as written (`NaN`, `Infinity` included),
 * lists and mappings as JSON, cut to {@link SHOWN_CHARACTERS} characters; a structure that refers to
 * itself (a YAML alias inside its own anchor) or nests too deep is named, never expanded.
 *
 * @example showValue('x'.repeat(200)).length // 80
 */
export function showValue(v: unknown): string {
  if (v === undefined) return 'missing';
  let text: string;
  if (typeof v === 'string') text = `"${v}"`;
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === null) text = String(v);
  else {
    try {
      text = JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
    } catch {
      text = Array.isArray(v) ? '[…]' : '{…}';
    }
    text ??= String(v);
  }
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS - 3)}...` : text;
}
