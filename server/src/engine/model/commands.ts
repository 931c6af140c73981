// Whether a command a note names (`npm run x`, `make y`, `cargo test --test z`) names a real
// script or target of the workspace's catalog, and the nearest real name when it does not.
import { similarity } from './labels';
import type { CommandCatalog } from '../facts';

// Built-in subcommands of the package managers, which need no script.
const NPM_BUILTIN = new Set(['install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'update', 'up', 'upgrade', 'exec', 'dlx', 'x', 'init', 'create', 'publish', 'pack', 'link', 'unlink', 'audit', 'outdated', 'ls', 'list', 'why', 'view', 'info', 'version', 'login', 'logout', 'whoami', 'config', 'cache', 'prune', 'dedupe', 'rebuild', 'store', 'import', 'workspace', 'workspaces', 'set', 'help', 'doctor', 'fund', 'explain', 'owner', 'search', 'pkg', 'query', 'approve-builds', 'env', 'node', 'patch', 'patch-commit', 'global', 'bin', 'root', 'prefix', 'dedup', 'licenses', 'plugin', 'constraints', 'dlx', 'stage', 'up', 'upgrade-interactive', 'npm']);
const NPM_SCRIPT_SHORTCUTS = new Set(['test', 't', 'start', 'stop', 'restart']);
// Executables commonly installed into a Python environment, runnable through `pdm/poetry/uv run`.
const PY_TOOLS = new Set(['python', 'python3', 'pytest', 'py.test', 'uvicorn', 'gunicorn', 'hypercorn', 'ruff', 'mypy', 'pyright', 'black', 'isort', 'flake8', 'pylint', 'bandit', 'alembic', 'flask', 'django-admin', 'celery', 'pip', 'coverage', 'pre-commit', 'sphinx-build', 'mkdocs', 'jupyter', 'ipython', 'tox', 'nox', 'hatch', 'twine', 'pdm', 'poetry', 'uv', 'streamlit', 'fastapi', 'dagster', 'prefect', 'scrapy', 'locust', 'behave', 'ward', 'nose2', 'pyinstaller', 'cython', 'maturin', 'datasette', 'invoke', 'fab', 'ansible', 'ansible-playbook', 'dbt', 'sqlfluff', 'yamllint', 'codespell', 'vulture', 'radon', 'xenon', 'interrogate', 'pydocstyle', 'autoflake', 'pyupgrade', 'deptry', 'pip-audit', 'safety', 'semgrep']);
const MAKE_BUILTIN = new Set(['-C', '-f', '-j', '-n', '-k', '-B', '-s']);

type Check = { kind: string; name: string; known: string[] | null; offsetInCommand: number };

/** What a command names and where the name sits in the command text. */
export function namedTarget(command: string, catalog: CommandCatalog): Check | null {
  const words = [...command.matchAll(/\S+/g)].map((m) => ({ w: m[0], at: m.index }));
  const at = (i: number) => words[i] ?? null;
  const tool = at(0)?.w;
  const sub = at(1);
  if (!tool || !sub) return null;
  const script = (i: number, kind: string, known: string[] | null) => {
    const word = at(i);
    return word && !word.w.startsWith('-') ? { kind, name: word.w, known, offsetInCommand: word.at } : null;
  };
  switch (tool) {
    case 'npm':
      if (sub.w === 'run' || sub.w === 'run-script') return script(2, 'npm script', catalog.npmScripts);
      if (NPM_SCRIPT_SHORTCUTS.has(sub.w)) return { kind: 'npm script', name: sub.w === 't' ? 'test' : sub.w, known: catalog.npmScripts, offsetInCommand: sub.at };
      return null;
    case 'pnpm':
    case 'yarn':
    case 'bun':
      if (sub.w === 'run') return script(2, `${tool} script`, catalog.npmScripts);
      if (sub.w.startsWith('-') || NPM_BUILTIN.has(sub.w) || tool === 'bun') return null;
      // `pnpm build` runs the script, or else a binary of node_modules/.bin.
      if (catalog.npmScripts && catalog.npmBins && !catalog.npmScripts.includes(sub.w) && catalog.npmBins.includes(sub.w)) return null;
      return NPM_SCRIPT_SHORTCUTS.has(sub.w) || catalog.npmScripts ? { kind: `${tool} script`, name: sub.w, known: catalog.npmScripts, offsetInCommand: sub.at } : null;
    case 'npx':
      return sub.w.startsWith('-') || sub.w.includes('@') ? null : { kind: 'npx binary', name: sub.w, known: catalog.npmBins, offsetInCommand: sub.at };
    case 'pdm':
    case 'poetry':
    case 'uv': {
      if (sub.w !== 'run') return null;
      const word = at(2);
      if (!word || word.w.startsWith('-') || PY_TOOLS.has(word.w) || word.w.includes('/') || word.w.endsWith('.py')) return null;
      const known = tool === 'pdm' ? merge(catalog.pdmScripts, catalog.pythonScripts) : catalog.pythonScripts;
      return { kind: `${tool} script`, name: word.w, known, offsetInCommand: word.at };
    }
    case 'make':
    case 'just': {
      const word = words.slice(1).find((x) => !x.w.startsWith('-') && !x.w.includes('=') && !MAKE_BUILTIN.has(x.w));
      if (!word || words.some((x) => x.w === '-C' || x.w === '-f' || x.w === '--justfile' || x.w === '-d')) return null;
      return { kind: tool === 'make' ? 'make target' : 'just recipe', name: word.w, known: tool === 'make' ? catalog.makeTargets : catalog.justRecipes, offsetInCommand: word.at };
    }
    case 'cargo': {
      const flag = words.findIndex((x) => x.w === (sub.w === 'test' ? '--test' : sub.w === 'run' ? '--bin' : ''));
      if (flag < 0 || !at(flag + 1)) return null;
      return { kind: sub.w === 'test' ? 'cargo test target' : 'cargo binary', name: at(flag + 1)!.w, known: sub.w === 'test' ? catalog.cargoTests : catalog.cargoBins, offsetInCommand: at(flag + 1)!.at };
    }
  }
  return null;
}

function merge(a: string[] | null, b: string[] | null): string[] | null {
  return a || b ? [...(a ?? []), ...(b ?? [])] : null;
}

export function nearest(name: string, known: string[]): string | null {
  let best: string | null = null;
  let score = 0.5;
  for (const k of known) {
    const s = similarity(name, k);
    if (s > score) {
      best = k;
      score = s;
    }
  }
  return best;
}
