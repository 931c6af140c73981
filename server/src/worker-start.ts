// How a worker thread of the server bundle starts: the way the server itself did. Started through
// cached-start.js (VS Code starts it so), a worker runs that entry too and loads the bundle with
// the same code cache: compiling the bundle is most of a new worker's start, which a large note's
// first diagnostics wait for (lint-worker.ts). The folder reaches the worker in its workerData,
// not the environment, which git and the hooks need not see.
import { workerData } from 'node:worker_threads';

const STARTED = Symbol.for('handoff.cachedStart');
const FOLDER = 'handoffCompileCache';

interface CachedStart {
  entry: string;
  bundle: string;
  folder: string;
}

/** The code cache folder a worker thread was given, else the one the environment names. */
export function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  const given = (workerData as Record<string, unknown> | null)?.[FOLDER];
  return typeof given === 'string' ? given : env.HANDOFF_COMPILE_CACHE;
}

/** Called by the cached entry before it loads `bundle` with the cache in `folder`. */
export function rememberCachedStart(entry: string, bundle: string, folder: string | undefined): void {
  if (folder) (globalThis as Record<symbol, CachedStart>)[STARTED] = { entry, bundle, folder };
}

/** The script and options that start a worker running `script` the way this thread started. */
export function workerStart(script: string, data: Record<string, unknown>): [string, { workerData: Record<string, unknown> }] {
  const started = (globalThis as Record<symbol, CachedStart | undefined>)[STARTED];
  if (!started || started.bundle !== script) return [script, { workerData: data }];
  return [started.entry, { workerData: { ...data, [FOLDER]: started.folder } }];
}
