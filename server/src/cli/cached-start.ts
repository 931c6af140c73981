// The `handoff` command's entry (bin/handoff.js): loads the CLI bundle (handoff.js beside this file)
// with V8's code cache (compile-cache.ts) in the user's cache folder, since a hook or a script
// starts it cold every time. HANDOFF_COMPILE_CACHE names another folder; HANDOFF_COMPILE_CACHE=off
// loads the bundle without a cache.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { requireCached } from '../compile-cache';

function folder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.HANDOFF_COMPILE_CACHE) return env.HANDOFF_COMPILE_CACHE === 'off' ? undefined : env.HANDOFF_COMPILE_CACHE;
  const base = env.XDG_CACHE_HOME || env.LOCALAPPDATA || (process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : join(homedir(), '.cache'));
  return join(base, 'handoff', 'compile-cache');
}

let dir: string | undefined;
try {
  dir = folder(process.env);
} catch {
  dir = undefined; // no home folder: no cache
}
delete process.env.HANDOFF_COMPILE_CACHE; // git and the commands need not see it
requireCached(join(__dirname, 'handoff.js'), dir, 'cli');
