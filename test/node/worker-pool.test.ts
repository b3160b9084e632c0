import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/data/dataset.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { ScenarioError } from '../../src/core/scenario/parse-scenario.js';
import { WorkerPool, WorkerPoolError } from '../../src/node/worker-pool.js';

const TASKS = new URL('./fixtures/pool-tasks.ts', import.meta.url).href;
const task = (name: string, arg?: unknown) => ({ module: TASKS, name, arg });
type Echo = { thread: number; arg: unknown };
type Slept = { thread: number; label?: string };

const pools: WorkerPool[] = [];
const newPool = (size: number) => {
  const pool = new WorkerPool({ size });
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('WorkerPool', () => {
  it('starts workers only when tasks need them and keeps them warm between tasks', async () => {
    const pool = newPool(2);
    expect(pool.stats()).toEqual({ workers: 0, busy: 0, queued: 0, started: 0 });
    const first = await pool.run<Echo>(task('echo', { a: 1 }));
    const second = await pool.run<Echo>(task('echo', [2]));
    expect(first.arg).toEqual({ a: 1 });
    expect(second.thread).toBe(first.thread);
    // What a task module keeps stays in its worker for the next task.
    expect((await pool.run<{ count: number }>(task('count'))).count).toBe(1);
    expect((await pool.run<{ count: number }>(task('count'))).count).toBe(2);
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, queued: 0, started: 1 });
  }, 60_000);

  it('queues tasks while every worker is busy, up to its size, first come first served', async () => {
    const pool = newPool(2);
    const order: string[] = [];
    const sleep = (label: string) =>
      pool.run<Slept>(task('sleep', { ms: 300, label })).then((r) => {
        order.push(label);
        return r;
      });
    const warm = [sleep('warm-1'), sleep('warm-2'), sleep('warm-3')];
    expect(pool.stats()).toMatchObject({ workers: 2, busy: 2, queued: 1, started: 2 });
    await Promise.all(warm);
    order.length = 0;
    const done = await Promise.all(['a', 'b', 'c', 'd', 'e'].map(sleep));
    expect(new Set(done.map((r) => r.thread)).size).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual(['a', 'b']);
    expect(order.slice(2, 4).sort()).toEqual(['c', 'd']);
    expect(pool.stats()).toEqual({ workers: 2, busy: 0, queued: 0, started: 2 });
  }, 60_000);

  it("rebuilds a task's error in this thread: a scenario error with its issues, a RangeError", async () => {
    const pool = newPool(1);
    const scenario = await pool.run(task('fail', { kind: 'scenario' })).catch((e: unknown) => e);
    expect(scenario).toBeInstanceOf(ScenarioError);
    expect((scenario as ScenarioError).issues[0]?.path).toBe('scenario.end');
    expect((scenario as ScenarioError).path).toBe('scenario.end');
    const range = await pool.run(task('fail', { kind: 'range' })).catch((e: unknown) => e);
    expect(range).toBeInstanceOf(RangeError);
    expect((range as Error).message).toBe('no GDP for 2031');
    await expect(pool.run(task('no-such-task'))).rejects.toThrow(/exports no task named no-such-task/);
    // An argument that cannot cross to the worker fails its task before it starts.
    await expect(pool.run(task('echo', { f: () => 1 }))).rejects.toThrow(/could not be cloned/);
    // A failing task leaves its worker in the pool.
    expect(pool.stats().started).toBe(1);
  }, 60_000);

  it('replaces a worker that crashes, and the queue goes on', async () => {
    const pool = newPool(1);
    const before = await pool.run<Echo>(task('echo'));
    const crashed = pool.run(task('crash', { code: 3 })).catch((e: unknown) => e);
    const next = pool.run<Echo>(task('echo', 'after'));
    const error = await crashed;
    expect(error).toBeInstanceOf(WorkerPoolError);
    expect((error as WorkerPoolError).code).toBe('worker-exited');
    expect((error as Error).message).toContain('exit code 3');
    const after = await next;
    expect(after.arg).toBe('after');
    expect(after.thread).not.toBe(before.thread);
    expect(pool.stats()).toMatchObject({ workers: 1, started: 2 });
  }, 60_000);

  it('stops a task that hangs past its timeout, replaces its worker, and runs the next task', async () => {
    const pool = newPool(1);
    await pool.run(task('echo'));
    const hung = pool.run(task('hang'), { timeoutMs: 300 }).catch((e: unknown) => e);
    const next = pool.run<Echo>(task('echo', 'next'));
    const error = await hung;
    expect(error).toBeInstanceOf(WorkerPoolError);
    expect((error as WorkerPoolError).code).toBe('task-timeout');
    expect((await next).arg).toBe('next');
    expect(pool.stats()).toMatchObject({ workers: 1, started: 2 });
  }, 60_000);

  it('takes an aborted task out of the queue, and stops the worker of an aborted running one', async () => {
    const pool = newPool(1);
    await pool.run(task('echo'));
    const running = new AbortController();
    const waiting = new AbortController();
    const a = pool.run(task('hang'), { signal: running.signal }).catch((e: unknown) => e);
    const b = pool.run(task('echo', 'never'), { signal: waiting.signal }).catch((e: unknown) => e);
    const c = pool.run<Echo>(task('echo', 'c'));
    waiting.abort(new Error('not needed'));
    expect(await b).toMatchObject({ message: 'not needed' });
    expect(pool.stats().queued).toBe(1);
    running.abort(new Error('too slow'));
    expect(await a).toMatchObject({ message: 'too slow' });
    expect((await c).arg).toBe('c');
    expect(pool.stats()).toMatchObject({ workers: 1, started: 2 });
    const aborted = AbortSignal.abort(new Error('already'));
    await expect(pool.run(task('echo'), { signal: aborted })).rejects.toThrow('already');
  }, 60_000);

  it('runs a task on the worker it names, and fails one named after a worker that left', async () => {
    const pool = newPool(2);
    const [x, y] = await Promise.all([
      pool.submit<Slept>(task('sleep', { ms: 200 })),
      pool.submit<Slept>(task('sleep', { ms: 200 })),
    ]);
    expect(x?.worker).not.toBe(y?.worker);
    for (const done of [x, y]) {
      const again = await pool.run<Echo>(task('echo'), { worker: done.worker });
      expect(again.thread).toBe(done.value.thread);
    }
    const exits: number[] = [];
    pool.onWorkerExit((worker) => exits.push(worker));
    await pool.run(task('crash', { code: 1 }), { worker: x.worker }).catch(() => undefined);
    expect(exits).toEqual([x.worker]);
    const gone = await pool.run(task('echo'), { worker: x.worker }).catch((e: unknown) => e);
    expect((gone as WorkerPoolError).code).toBe('worker-exited');
  }, 60_000);

  it('sends each worker a dataset once and again after forgetting it', async () => {
    const pool = newPool(1);
    const base = loadDataset();
    const others = Array.from({ length: 5 }, () => new Dataset(base.data));
    const first = await pool.run<{ countries: number; id: number }>({ ...task('countries'), dataset: base });
    expect(first.countries).toBe(base.data.countries.length);
    expect((await pool.run<{ id: number }>({ ...task('countries'), dataset: base })).id).toBe(first.id);
    // Four are kept: the first is forgotten by the fifth other one, and sent again when needed.
    for (const d of others) await pool.run({ ...task('countries'), dataset: d });
    expect((await pool.run<{ countries: number; id: number }>({ ...task('countries'), dataset: base })).id).toBe(
      first.id,
    );
  }, 60_000);

  it('hands buffers over with the answer', async () => {
    const pool = newPool(1);
    const bytes = await pool.run<Uint8Array>(task('buffer', { n: 1 << 20 }));
    expect(bytes.length).toBe(1 << 20);
    expect(bytes[12345]).toBe(7);
  }, 60_000);

  it('fails waiting and running tasks when closed, and refuses new ones', async () => {
    const pool = newPool(1);
    const running = pool.run(task('sleep', { ms: 5000 })).catch((e: unknown) => e);
    const waiting = pool.run(task('echo')).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    for (const error of [await running, await waiting]) expect((error as WorkerPoolError).code).toBe('pool-closed');
    await expect(pool.run(task('echo'))).rejects.toThrow(/closed/);
    expect(pool.stats().workers).toBe(0);
    expect(pool.closed).toBe(true);
  }, 60_000);

  it('refuses a size that is not a whole number from 1 to 64', () => {
    expect(() => new WorkerPool({ size: 0 })).toThrow(/workers: 0 is not accepted/);
    expect(() => new WorkerPool({ size: 1.5 })).toThrow(/workers: 1.5 is not accepted/);
  });

  it('lets the process exit: after close(), and with idle workers never closed', async () => {
    const pool = join(import.meta.dirname, '../../src/node/worker-pool.ts');
    const script = `
      const { WorkerPool } = await import(${JSON.stringify(pool)});
      const task = { module: ${JSON.stringify(TASKS)}, name: 'echo', arg: 1 };
      const closed = new WorkerPool({ size: 2 });
      await Promise.all([closed.run(task), closed.run(task)]);
      await closed.close();
      const idle = new WorkerPool({ size: 2 });
      await Promise.all([idle.run(task), idle.run(task)]);
      console.log(JSON.stringify(idle.stats()));
    `;
    const started = performance.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: join(import.meta.dirname, '../..'), env: { ...process.env, NODE_OPTIONS: '' }, timeout: 50_000 },
    );
    expect(JSON.parse(stdout)).toMatchObject({ workers: 2, busy: 0 });
    expect(performance.now() - started).toBeLessThan(50_000);
  }, 60_000);
});
