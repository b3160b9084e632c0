import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { loadDataset } from '../core/data/load-dataset.js';
import { InputError } from '../core/errors.js';
import { defaultStorePath, openStore, type StoreHealth } from '../node/store.js';
import { defaultDataDir, loadUserDataset } from '../node/user-data.js';
import { checkWorkers, WorkerPool } from '../node/worker-pool.js';
import { createApp } from './app.js';
import type { ServerLimits } from './limits.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 8080. */
  readonly port?: number;
  /** Interface to listen on; default `127.0.0.1` (this machine only). */
  readonly host?: string;
  /** The saved-scenario database; default `<dataDir>/armsrace.db`. */
  readonly dbPath?: string;
  /** The user data directory with imported editions; default {@link defaultDataDir}. */
  readonly dataDir?: string;
  /** Folder of the built dashboard; default `dist/web` of the package. */
  readonly webRoot?: string;
  readonly limits?: Partial<ServerLimits>;
  readonly log?: (message: string) => void;
  /**
   * Other names the server answers to, as `NAME` or `NAME:PORT` (a proxy's or the machine's name);
   * it always answers to 127.0.0.1, localhost, [::1] and `host`, with its port.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Worker threads the server computes runs and ensembles on, kept warm for its life; default the
   * machine's available parallelism.
   */
  readonly workers?: number;
}

/** A running server. */
export interface RunningServer {
  /** Its address, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly port: number;
  /** The database file in use. */
  readonly dbPath: string;
  /** The store's state at start: `damaged` when its file failed the integrity check (see docs/api.md). */
  readonly storeHealth: StoreHealth;
  /** The worker pool of its runs (started lazily, closed by {@link close}). */
  readonly pool: WorkerPool;
  /** Stop listening, end open connections, close the database and stop the worker pool. */
  close(): Promise<void>;
}

/** Addresses that bind every interface. */
const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '']);

const bracketed = (address: string) => (address.includes(':') && !address.startsWith('[') ? `[${address}]` : address);

/**
 * The `Host` values a server on `host:port` answers to: the loopback names, `host` (and, bound to
 * every interface, the machine's name and addresses) and `extra`, each with `:port` (and without
 * it on port 80).
 *
 * @example serverHostNames('127.0.0.1', 8080) // ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']
 */
export function serverHostNames(host: string, port: number, extra: readonly string[] = []): string[] {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (WILDCARD.has(host)) {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(bracketed(info.address.split('%')[0] as string).toLowerCase());
    }
  } else names.add(bracketed(host).toLowerCase());
  const out = new Set<string>();
  for (const name of names) {
    out.add(`${name}:${port}`);
    if (port === 80) out.add(name);
  }
  for (const name of extra) {
    const lower = name.trim().toLowerCase();
    if (/^(?:\[[^\]]*\]|[^:]+):\d+$/.test(lower)) out.add(lower);
    else {
      out.add(`${bracketed(lower)}:${port}`);
      if (port === 80) out.add(bracketed(lower));
    }
  }
  return [...out];
}

/** The package's `dist/web`, wherever the server runs from (`src/server` or `dist/server`). */
const PACKAGE_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Start the HTTP API and the dashboard on `host:port` with the embedded data plus the user's
 * imported editions, and the saved-scenario store at `dbPath`.
 *
 * Runs go to one pool of worker threads, started as they are needed and kept warm until
 * `close()`.
 *
 * @throws {ArmsraceError} `store-open` when the database cannot be opened; the listen error (e.g.
 *   `EADDRINUSE`) when the port is taken; {@link InputError} `bad-port`, `bad-workers`.
 * @example const server = await startServer({ port: 0 }); await fetch(`${server.url}/api/health`); await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InputError(
      'bad-port',
      `port: ${port} is not accepted; use a whole number from 0 to 65535, e.g. 8080`,
      'port',
    );
  }
  if (options.workers !== undefined) checkWorkers(options.workers);
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir ?? defaultDataDir();
  const dbPath = options.dbPath ?? (options.dataDir === undefined ? defaultStorePath() : join(dataDir, 'armsrace.db'));
  const dataset = loadUserDataset(dataDir, loadDataset());
  const store = openStore(dbPath);
  const health = store.health();
  const pool = new WorkerPool(options.workers === undefined ? {} : { size: options.workers });
  // Known once the server listens (port 0 picks one); no request arrives before.
  let hostNames: readonly string[] = [];
  const app = createApp({
    dataset,
    store,
    allowedHosts: () => hostNames,
    webRoot: options.webRoot ?? PACKAGE_WEB_ROOT,
    pool,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.log === undefined ? {} : { log: options.log }),
  });
  let server: ReturnType<typeof serve>;
  try {
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
        hostNames = serverHostNames(host, info.port, options.allowedHosts);
        resolve(info);
      });
      server.once('error', reject);
    });
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${shown}:${address.port}`,
      port: address.port,
      dbPath: store.path,
      storeHealth: health,
      pool,
      close: async () => {
        try {
          await new Promise<void>((resolve, reject) => {
            server.close((error) => {
              store.close();
              if (error) reject(error);
              else resolve();
            });
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
        } finally {
          await pool.close();
        }
      },
    };
  } catch (error) {
    store.close();
    await pool.close();
    throw error;
  }
}
