// The language server's entry for VS Code: loads the server bundle (server.js beside this file)
// with V8's code cache (compile-cache.ts) kept in the folder HANDOFF_COMPILE_CACHE names (the
// extension's own storage). The server's worker threads start here too (worker-start.ts).
import { join } from 'node:path';
import { requireCached } from './compile-cache';
import { cacheFolder, rememberCachedStart } from './worker-start';

const folder = cacheFolder(process.env);
delete process.env.HANDOFF_COMPILE_CACHE; // git need not see it
const bundle = join(__dirname, 'server.js');
rememberCachedStart(__filename, bundle, folder);
requireCached(bundle, folder, 'server');
