// Runs mocha inside the VS Code extension host and writes a results file for the driver
// (test/vscode/run.mjs, or test/vscode/electron.mjs).
//
// The whole suite is one esbuild bundle (scripts/build.mjs, `vscode` and `mocha` external), so
// mocha cannot `require` spec files from disk. Instead the BDD functions are put on globalThis
// with the 'pre-require' event, then the caller's `loadSpecs` requires the bundled spec modules,
// whose top-level describe/it calls register on this mocha instance.
//
// Configuration comes from environment variables set on the process that starts the extension
// host (code-server or VS Code):
//   HANDOFF_TEST_RESULTS  where to write {passed, failed, pending, tests:[...]} as JSON
//   HANDOFF_TEST_GREP     optional regular expression: run only the tests whose full title matches
//   HANDOFF_TEST_TRUST    'yes' (default) or 'no' (the workspace was opened in Restricted Mode)
//   HANDOFF_TEST_MODE     'dev' (default: the extension under test is the development extension)
//                         or 'vsix' (it was installed from a .vsix, like a user's)
// When HANDOFF_TEST_RESULTS is not in the environment, the same keys (results, grep, trust, mode)
// are read from `.vscode/handoff-test.json` in the first workspace folder (the driver writes both;
// code-server 4.100's extension host does inherit the server's environment).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';

export interface TestConfig {
  results: string;
  grep?: string;
  trust: 'yes' | 'no';
  mode: 'dev' | 'vsix';
  source: 'env' | 'file' | 'default';
}

export interface TestRecord {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  configSource: TestConfig['source'];
  trust: TestConfig['trust'];
  mode: TestConfig['mode'];
  vscodeVersion: string;
  tests: TestRecord[];
}

export function readConfig(): TestConfig {
  const env = process.env;
  if (env.HANDOFF_TEST_RESULTS) {
    return {
      results: env.HANDOFF_TEST_RESULTS,
      grep: env.HANDOFF_TEST_GREP || undefined,
      trust: env.HANDOFF_TEST_TRUST === 'no' ? 'no' : 'yes',
      mode: env.HANDOFF_TEST_MODE === 'vsix' ? 'vsix' : 'dev',
      source: 'env',
    };
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) {
    const file = path.join(folder, '.vscode', 'handoff-test.json');
    if (fs.existsSync(file)) {
      const c = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<TestConfig>;
      if (c.results) {
        return {
          results: c.results,
          grep: c.grep || undefined,
          trust: c.trust === 'no' ? 'no' : 'yes',
          mode: c.mode === 'vsix' ? 'vsix' : 'dev',
          source: 'file',
        };
      }
    }
  }
  return { results: path.resolve(folder ?? process.cwd(), 'handoff-test-results.json'), trust: 'yes', mode: 'dev', source: 'default' };
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const stack = err.stack ?? `${err.name}: ${err.message}`;
    // Keep the message and the first frames: enough to find the failing line.
    return stack.split('\n').slice(0, 8).join('\n');
  }
  return String(err);
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/**
 * Runs the specs that `loadSpecs` registers and writes the results file. Resolves when every test
 * passed, rejects otherwise (VS Code then reports a failed test run).
 */
export function runSpecs(loadSpecs: (config: TestConfig) => void): Promise<void> {
  const config = readConfig();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  if (config.grep) mocha.grep(new RegExp(config.grep));

  const records: TestRecord[] = [];
  const progressFile = `${config.results}.progress`;
  const progress = (r: TestRecord) => {
    records.push(r);
    try {
      fs.mkdirSync(path.dirname(progressFile), { recursive: true });
      fs.appendFileSync(progressFile, JSON.stringify(r) + '\n');
    } catch {
      // progress lines only help a driver that times out; the final file is what counts
    }
  };

  return new Promise<void>((resolve, reject) => {
    const finish = (crash?: unknown) => {
      if (crash !== undefined) {
        progress({ title: 'load or run the test suite', fullTitle: 'suite: load or run', state: 'failed', error: errorText(crash) });
      }
      const results: TestResults = {
        passed: records.filter((r) => r.state === 'passed').length,
        failed: records.filter((r) => r.state === 'failed').length,
        pending: records.filter((r) => r.state === 'pending').length,
        configSource: config.source,
        trust: config.trust,
        mode: config.mode,
        vscodeVersion: vscode.version,
        tests: records,
      };
      try {
        writeAtomically(config.results, JSON.stringify(results, null, 2) + '\n');
      } catch (e) {
        reject(new Error(`cannot write test results to ${config.results}: ${errorText(e)}`));
        return;
      }
      if (results.failed > 0) reject(new Error(`${results.failed} test(s) failed`));
      else resolve();
    };

    try {
      mocha.suite.emit('pre-require', globalThis, 'handoff-vscode-suite', mocha);
      loadSpecs(config);
      const runner = mocha.run(() => finish());
      runner.on('pass', (t) =>
        progress({ title: t.title, fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration }),
      );
      runner.on('fail', (t, err) =>
        progress({ title: t.title, fullTitle: t.fullTitle(), state: 'failed', durationMs: t.duration, error: errorText(err) }),
      );
      runner.on('pending', (t) => progress({ title: t.title, fullTitle: t.fullTitle(), state: 'pending' }));
    } catch (e) {
      finish(e);
    }
  });
}
