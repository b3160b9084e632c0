import type { Context } from 'hono';
import { HttpError } from './http-error.js';

/**
 * Read a request body as a JSON object: 415 `unsupported-media-type` unless the content type is
 * `application/json`, 400 `bad-json` when it does not parse, 400 `bad-body` unless it is an object.
 * (The size limit is enforced before, by the body-limit middleware: 413.)
 *
 * @throws {HttpError} as above.
 * @example const body = await readJsonObject(c); // { scenario: { end: 2040 } }
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type');
  const mediaType = type?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(
      415,
      'unsupported-media-type',
      `content-type: ${type === undefined ? 'missing' : `"${type}"`} is not accepted; send a JSON body with content-type: application/json`,
      'content-type',
    );
  }
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new HttpError(
      400,
      'bad-json',
      `body: not valid JSON (${(e as Error).message}); send one JSON object, e.g. {"scenario": {"end": 2040}}`,
      'body',
    );
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(
      400,
      'bad-body',
      `body: ${Array.isArray(body) ? 'an array' : JSON.stringify(body)} is not a JSON object; send e.g. {"scenario": {"end": 2040}}`,
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
  const unknown = Object.keys(object).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new HttpError(
      status,
      'unknown-field',
      `${where}.${unknown[0]}: unknown field${unknown.length > 1 ? `s ${unknown.map((k) => `"${k}"`).join(', ')}` : ''}; accepted: ${allowed.join(', ')}`,
      `${where}.${unknown[0]}`,
    );
  }
}
