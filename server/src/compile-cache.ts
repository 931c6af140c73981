// Loads a bundle with V8's code cache from the previous start, kept in a folder of the caller's
// choosing. Compiling a 2 MB bundle is a good part of a start; from the cache it is a fraction of it.
// Node 22.1+ does this itself (module.enableCompileCache); on older Node the bundle is compiled here
// with vm.Script's cachedData, which V8 checks against its own version and flags, and the file name
// carries a hash of the bundle's text (V8 checks only the source's length) and of its path: each
// install (a global one, a project's, a hook's) keeps its own cache in the shared folder instead of
// replacing another's at every start. Without the folder, or
// when anything fails (unwritable folder, corrupt or stale cache), the bundle is required as usual.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

type Run = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;

/** The bundle compiled with the cache (null: require it as usual). */
function compiled(bundle: string, dir: string, prefix: string): Run | null {
  const enable = (Module as unknown as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (enable) {
    enable(dir);
    return null;
  }
  const source = readFileSync(bundle, 'utf8');
  const install = `${prefix}-${createHash('sha256').update(bundle).digest('hex').slice(0, 8)}`;
  const name = `${install}-${process.version}-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(join(dir, name));
  } catch {
    cachedData = undefined; // the first start with this bundle
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, so the functions the run compiled are in it too.
    const stale = new RegExp(`^${install}-.*\\.v8cache$`); // this install's earlier bundles
    process.once('exit', () => {
      try {
        mkdirSync(dir, { recursive: true });
        for (const old of readdirSync(dir)) if (stale.test(old)) rmSync(join(dir, old), { force: true });
        const tmp = join(dir, `${name}.${process.pid}.tmp`);
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, join(dir, name));
      } catch {
        // no cache next time: the start is slower, nothing else
      }
    });
  }
  return script.runInThisContext() as Run;
}

/** Runs `bundle` as `require` would, compiled with the code cache in `folder` when there is one. */
export function requireCached(bundle: string, folder: string | undefined, prefix: string): void {
  let run: Run | null = null;
  try {
    run = folder ? compiled(bundle, folder, prefix) : null;
  } catch {
    run = null; // an unreadable bundle or folder: the usual require says what is wrong
  }
  if (run) {
    const mod = { exports: {}, filename: bundle, id: bundle };
    run.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  } else createRequire(bundle)(bundle);
}
