import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { clip } from './http-error.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const NOT_BUILT_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem}code{background:#eee;padding:0 .2em}';

/** The policy of the page below: nothing but its own inline style, named by its hash. */
const NOT_BUILT_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(NOT_BUILT_STYLE).digest('base64')}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The page `/` shows while the dashboard is not built. */
function notBuiltPage(root: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>armsrace — dashboard not built</title>
<style>${NOT_BUILT_STYLE}</style>
</head>
<body>
<h1>The dashboard is not built</h1>
<p>This server looks for it in <code>${escapeHtml(root)}</code>, which has no <code>index.html</code>.</p>
<p>Build it with <code>npm run build</code> in the armsrace folder (or start the server with the folder
that holds the built dashboard), then reload this page.</p>
<p>The HTTP API answers meanwhile: try <a href="/api/health">/api/health</a>,
<a href="/api/countries">/api/countries</a> or <a href="/api/pledges?year=2024">/api/pledges?year=2024</a>.</p>
</body>
</html>
`;
}

/**
 * Serve the built dashboard from `root`: files as they are, `index.html` for a folder and for any
 * path without an extension (routes of the single-page app), 404 for a missing file. When `root`
 * has no `index.html`, `/` answers a page saying the dashboard is not built and how to build it.
 *
 * @param root folder of the built dashboard, e.g. `dist/web`
 * @example app.get('*', staticSite('dist/web'))
 */
export function staticSite(root: string): (c: Context) => Promise<Response> {
  const base = resolve(root);
  const index = resolve(base, 'index.html');
  const send = async (c: Context, file: string) => {
    const body = await readFile(file);
    const type = getMimeType(file) ?? 'application/octet-stream';
    const immutable = file.startsWith(`${base}${sep}assets${sep}`);
    return c.body(body, 200, {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
  const notFound = (c: Context) => c.text(`${clip(c.req.path)}: not found`, 404);
  return async (c) => {
    if (!existsSync(index)) {
      return c.req.path === '/' || c.req.path === '/index.html'
        ? c.html(notBuiltPage(base), 200, { 'content-security-policy': NOT_BUILT_POLICY })
        : notFound(c);
    }
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return notFound(c);
    }
    if (path.includes('\0')) return notFound(c);
    const file = resolve(base, `.${path}`);
    if (file !== base && !file.startsWith(`${base}${sep}`)) return notFound(c);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return send(c, file);
    if (info?.isDirectory()) {
      const inner = resolve(file, 'index.html');
      if (existsSync(inner)) return send(c, inner);
    }
    return extname(path) === '' ? send(c, index) : notFound(c);
  };
}
