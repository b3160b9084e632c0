import type { Context } from 'hono';
import { clip, clipJson, HttpError } from './http-error.js';

/**
 * How deep JSON text nests its arrays and objects, counted without parsing (so without recursion)
 * and without the brackets inside strings; stops counting past `limit`.
 *
 * @example jsonDepth('{"a": [1, "]]"]}') // 2
 */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (inString) {
      if (ch === 0x5c)
        k++; // a backslash escapes the next character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Read a request body as a JSON object: 415 `unsupported-media-type` unless the content type is
 * `application/json`, 400 `too-deep` when it nests deeper than `maxDepth` (checked before it is
 * parsed, so that nothing recurses that deep), 400 `bad-json` when it does not parse, 400
 * `bad-body` unless it is an object. (The size limit is enforced before, by the body-limit
 * middleware: 413.)
 *
 * @throws {HttpError} as above.
 * @example const body = await readJsonObject(c, 64); // { scenario: { end: 2040 } }
 */
export async function readJsonObject(c: Context, maxDepth: number): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type');
  const mediaType = type?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(
      415,
      'unsupported-media-type',
      `content-type: ${type === undefined ? 'missing' : `"${clip(type)}"`} is not accepted; send a JSON body with content-type: application/json`,
      'content-type',
    );
  }
  const text = await c.req.text();
  if (jsonDepth(text, maxDepth) > maxDepth) {
    throw new HttpError(
      400,
      'too-deep',
      `body: nests arrays and objects more than ${maxDepth} deep; this server reads at most ${maxDepth} levels (a scenario needs fewer than 10)`,
      'body',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new HttpError(
      400,
      'bad-json',
      `body: not valid JSON (${clip((e as Error).message, 120)}); send one JSON object, e.g. {"scenario": {"end": 2040}}`,
      'body',
    );
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(
      400,
      'bad-body',
      `body: ${Array.isArray(body) ? 'an array' : clipJson(body)} is not a JSON object; send e.g. {"scenario": {"end": 2040}}`,
      'body',
    );
  }
  return body as Record<string, unknown>;
}

/**
 * Refuse fields of a body (or query) that are not in `allowed`: 422 `unknown-field` naming them.
 *
 * @throws {HttpError} 422 naming the first unknown field and listing the accepted ones.
 * @example checkFields({ scenario: {}, foo: 1 }, ['scenario', 'yaml'], 'body') // throws: body.foo
 */
export function checkFields(
  object: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
  status = 422,
): void {
  const unknown = Object.keys(object)
    .filter((k) => !allowed.includes(k))
    .map((k) => clip(k));
  if (unknown.length > 0) {
    const listed = unknown.slice(0, 5).map((k) => `"${k}"`);
    if (unknown.length > 5) listed.push(`${unknown.length - 5} more`);
    throw new HttpError(
      status,
      'unknown-field',
      `${where}.${unknown[0]}: unknown field${unknown.length > 1 ? `s ${listed.join(', ')}` : ''}; accepted: ${allowed.join(', ')}`,
      `${where}.${unknown[0]}`,
    );
  }
}
