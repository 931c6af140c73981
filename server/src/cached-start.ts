// The language server's entry for VS Code: loads the server bundle (server.js beside this file)
// with V8's code cache (compile-cache.ts) kept in the folder HANDOFF_COMPILE_CACHE names (the
// extension's own storage).
import { join } from 'node:path';
import { requireCached } from './compile-cache';

const folder = process.env.HANDOFF_COMPILE_CACHE;
delete process.env.HANDOFF_COMPILE_CACHE; // git and the workers need not see it
requireCached(join(__dirname, 'server.js'), folder, 'server');
