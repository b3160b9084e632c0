import type { Context, MiddlewareHandler } from 'hono';
import { clip } from './http-error.js';

/**
 * The content security policy of the dashboard: its scripts, its worker, its styles and its
 * requests come from the server's own origin only; images also from `data:` (the icon) and `blob:`
 * (a chart drawn to a PNG); no plugin, no `<base>`, no form, no framing. Inline styles are allowed
 * for `<style>` elements only, which the chart library adds to each chart it draws. Scripts may
 * compile WebAssembly (`'wasm-unsafe-eval'`, which allows no JavaScript `eval`): the model's kernel.
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "style-src-elem 'self' 'unsafe-inline'",
  "style-src-attr 'none'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The content security policy of every API answer: JSON that loads nothing and is never framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Set the headers every answer carries: `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`,
 * `Referrer-Policy: no-referrer` and a content security policy ({@link API_POLICY} under `/api/`,
 * {@link PAGE_POLICY} elsewhere, unless the answer has its own). And `Connection: close` on an
 * answer that leaves the request's body unread (so the client opens a new connection rather than
 * send its next request after a body the server did not read).
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const request = c.req.raw;
    const hasBody =
      request.headers.has('transfer-encoding') || Number(request.headers.get('content-length') ?? '0') > 0;
    await next();
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    headers.set('x-frame-options', 'DENY');
    headers.set('referrer-policy', 'no-referrer');
    if (!headers.has('content-security-policy')) {
      headers.set('content-security-policy', c.req.path.startsWith('/api/') ? API_POLICY : PAGE_POLICY);
    }
    if (hasBody && !request.bodyUsed) headers.set('connection', 'close');
  };
}

/** The names a server answers to, each with its port (`localhost:8080`), or a function giving them. */
export type AllowedHosts = readonly string[] | (() => readonly string[]);

/**
 * Refuse a request whose `Host` is not one of `allowed` (compared without case) with 421
 * `bad-host`: a page of another site that a rebinding DNS points at this machine cannot reach the
 * API through its own name.
 */
export function hostCheck(allowed: AllowedHosts): MiddlewareHandler {
  return async (c: Context, next) => {
    const names = typeof allowed === 'function' ? allowed() : allowed;
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (names.some((name) => name.toLowerCase() === host)) return next();
    return c.json(
      {
        code: 'bad-host',
        message: `host: "${clip(host)}" is not a name of this server; it answers to ${names.slice(0, 6).join(', ')}${names.length > 6 ? ' …' : ''}; to reach it by another name, start it with --allow-host NAME`,
        path: 'host',
      },
      421,
    );
  };
}
