import { Command } from 'commander';
import { InputError } from '../core/errors.js';
import type { GlobalOptions } from './context.js';
import { print } from './context.js';

interface ServeFlags {
  port: string;
  host: string;
  db?: string;
  web?: string;
  allowHost: string[];
  workers?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseWorkers(text: string): number {
  const workers = Number(text);
  if (!/^\d+$/.test(text) || workers < 1 || workers > 64) {
    throw new InputError(
      'bad-option',
      `--workers: "${text}" is not accepted; use a whole number from 1 to 64, e.g. 2`,
      '--workers',
    );
  }
  return workers;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new InputError(
      'bad-option',
      `--port: "${text}" is not a port; use a whole number from 0 to 65535, e.g. 8080`,
      '--port',
    );
  }
  return port;
}

/**
 * `armsrace serve`: the HTTP API, the saved-scenario store and the dashboard, until Ctrl-C.
 *
 * @param globals the program's global options (`--data-dir`)
 * @example program.addCommand(serveCommand(globals));
 */
export function serveCommand(globals: () => GlobalOptions): Command {
  return new Command('serve')
    .description('Serve the HTTP API, the saved-scenario store (SQLite) and the dashboard')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <host>', 'interface to listen on; 0.0.0.0 opens it to the network', '127.0.0.1')
    .option('--db <path>', 'saved-scenario database (default: <data dir>/armsrace.db)')
    .option('--web <dir>', 'folder of the built dashboard (default: the package dist/web)')
    .option(
      '--allow-host <name>',
      "another name the server answers to (a proxy's or the machine's), as NAME or NAME:PORT; repeatable",
      collect,
      [],
    )
    .option(
      '--workers <n>',
      'worker threads for runs and ensembles, kept warm while serving (default: the number of cores)',
    )
    .addHelpText(
      'after',
      `
Examples:
  armsrace serve                              http://127.0.0.1:8080, scenarios in ~/.local/share/armsrace/armsrace.db
  armsrace serve --port 3000 --db ./team.db
  armsrace serve --host 0.0.0.0 --allow-host armsrace.example.org   behind a proxy that authenticates
  curl -s 'localhost:8080/api/pledges?year=2014'
  curl -s -H 'content-type: application/json' -d '{"scenario":{"end":2040}}' localhost:8080/api/runs

The server answers only requests whose Host header names it: 127.0.0.1, localhost, [::1], --host
(with the machine's names and addresses for 0.0.0.0) and every --allow-host, with the port.
The routes, their limits and error codes are in docs/api.md. Stop the server with Ctrl-C.`,
    )
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port);
      const workers = flags.workers === undefined ? undefined : parseWorkers(flags.workers);
      const { startServer } = await import('../server/serve.js');
      const { dataDir } = globals();
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          port,
          host: flags.host,
          ...(dataDir === undefined ? {} : { dataDir }),
          ...(flags.db === undefined ? {} : { dbPath: flags.db }),
          ...(flags.web === undefined ? {} : { webRoot: flags.web }),
          ...(flags.allowHost.length === 0 ? {} : { allowedHosts: flags.allowHost }),
          ...(workers === undefined ? {} : { workers }),
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
          throw new InputError(
            'cannot-listen',
            `--port/--host: cannot listen on ${flags.host}:${port} (${code}); choose another port, e.g. --port 8081, or another host`,
            '--port',
          );
        }
        throw error;
      }
      print(`armsrace serving on ${server.url} (scenarios in ${server.dbPath}); Ctrl-C stops it`);
      if (server.storeHealth.status === 'damaged')
        process.stderr.write(`armsrace: warning: ${server.storeHealth.message}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().finally(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
