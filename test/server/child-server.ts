import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';

/** A server started by `fixtures/serve-child.ts` in a child process. */
export interface ChildServer {
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** What the child wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');

/** Start a server in a child process (`node [nodeFlags] --import tsx serve-child.ts DB DATA_DIR`). */
export function startChildServer(
  dbPath: string,
  dataDir: string,
  nodeFlags: readonly string[] = [],
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', join(import.meta.dirname, 'fixtures', 'serve-child.ts'), dbPath, dataDir],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) {
        child.stdout.off('data', onData);
        const { url } = JSON.parse(line) as { url: string };
        resolve({
          url,
          child,
          stderr: () => stderr,
          stop: async () => {
            child.stdin.end();
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the server stopped (exit ${code}) before it listened: ${stderr}`)));
  });
}

/** An answer read over a real socket. */
export interface SocketAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

/** One request over node:http with `agent` (keep-alive when the agent keeps sockets). */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; agent?: http.Agent } = {},
): Promise<SocketAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        ...(options.agent === undefined ? {} : { agent: options.agent }),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
