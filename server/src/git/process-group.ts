// Each git process leads its own process group (POSIX), so that whatever it started (a filter
// driver, a helper) ends with it: on a timeout or a cancel, when it exited but left something
// holding its output pipes, and when this process exits. Killing only git would leave such a
// child running, and the pipes it inherited would keep the CLI from ever exiting.
//
// simple-git offers no public hook for spawn options or the child process, so its plugin store is
// reached here, in this one place; test/git/process.test.ts fails if that ever changes.
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { SimpleGit } from 'simple-git';

interface PluginStore {
  add(plugin: { type: string; action: (data: unknown, context: { spawned?: ChildProcess }) => unknown }): unknown;
}

/** Git processes whose group may still hold members; ended when this process exits. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

const POSIX = process.platform !== 'win32';

/** The module object simple-git calls `spawn` on (an import would give a copy of it). */
const childProcesses = require('node:child_process') as { spawn: (...args: unknown[]) => ChildProcess };

/**
 * Starts every process of `git` as a group leader and hands each child to `onSpawn`, or the error
 * of one that could not start to `onSpawnError`. Returns what undoes a listener left unused.
 */
export function controlProcesses(git: SimpleGit, onSpawn: (child: ChildProcess) => void, onSpawnError: (error: NodeJS.ErrnoException) => void): () => void {
  const store = (git as unknown as { _plugins?: PluginStore })._plugins;
  if (typeof store?.add !== 'function') throw new Error('simple-git changed: its plugin store is not reachable');
  let unlisten = (): void => {};
  store.add({
    type: 'spawn.options',
    action: (options) => {
      unlisten = listenForSpawnError(onSpawnError);
      return { ...(options as SpawnOptions), detached: POSIX };
    },
  });
  store.add({
    type: 'spawn.after',
    action: (data, { spawned }) => {
      if (spawned) {
        installExitHook();
        live.add(spawned);
        onSpawn(spawned);
      }
      return data;
    },
  });
  return () => unlisten();
}

/**
 * Out of file handles (EMFILE, ENFILE), Node's spawn returns a child without pipes and reports
 * the failure a tick later as an 'error' event. simple-git reads the missing pipe first and throws
 * before it listens for that event, which would end this whole process. simple-git calls spawn
 * synchronously after its 'spawn.options' step, so the next spawn is the one to listen on.
 */
function listenForSpawnError(onError: (error: NodeJS.ErrnoException) => void): () => void {
  const original = childProcesses.spawn;
  const listening = (...args: unknown[]): ChildProcess => {
    childProcesses.spawn = original;
    const child = original(...args);
    child.once('error', onError);
    return child;
  };
  childProcesses.spawn = listening;
  return () => {
    if (childProcesses.spawn === listening) childProcesses.spawn = original;
  };
}

/**
 * Done with `child`: if it still runs, or something it started still holds its pipes, its whole
 * group is killed; our ends of the pipes are closed either way.
 */
export function endProcess(child: ChildProcess, force = false): void {
  const running = child.exitCode === null && child.signalCode === null;
  const pipesOpen = [child.stdout, child.stderr].some((s) => s !== null && !s.destroyed);
  if (force || running || pipesOpen) killGroup(child);
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
  live.delete(child);
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return; // never started
  try {
    if (POSIX) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // the group is already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) killGroup(child);
  });
}

/**
 * Front ends call this once: Ctrl-C, a TERM or a hang-up then exits through `process.exit`, so
 * the exit handlers run (git's process groups are ended, the empty hooks folder is removed).
 * Without it a signal ends Node at once and a git group it started runs on.
 */
export function exitOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => process.exit(code));
  }
}
