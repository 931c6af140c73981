// The language server's process, forked as soon as activate() returns (a microtask: activation
// itself stays short). Given the module, the language client forks it only after a turn of the
// extension host's event loop (it checks the working folder asynchronously first), and at a
// window's start that loop is busy: the server came up a few hundred milliseconds later than it
// could. Forked here exactly as the client forks a module over IPC: Node mode for Electron, the
// same arguments, stdout and stderr to the output channel, the debug flags when the extension
// host itself is being debugged. The client did not fork it, so it does not end it either: a
// process that outlives its client's stop (or a restart) by two seconds is ended here.
import { fork, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import { IPCMessageReader, IPCMessageWriter, type MessageTransports } from 'vscode-languageclient/node';

const DEBUG_FLAGS = /^--(?:debug|debug-brk|inspect|inspect-brk)(?:=|$)/;

export interface ServerProcess {
  /** For the language client's server options: the first call gets the process forked at once, a restart a new one. */
  transports(): Promise<MessageTransports>;
  /** After the client stopped: waits for the process to exit, and ends it if it lingers. */
  ended(): Promise<void>;
}

export function startServerProcess(module: string, env: Record<string, string>, output: vscode.OutputChannel): ServerProcess {
  const spawn = (): ChildProcess => {
    const child = fork(module, ['--node-ipc', `--clientProcessId=${process.pid}`], {
      cwd: workingFolder(),
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1', ...env },
      execArgv: process.execArgv.some((a) => DEBUG_FLAGS.test(a)) ? ['--nolazy', '--inspect=6019'] : [],
      silent: true,
    });
    child.stdout?.on('data', (d: Buffer) => output.append(d.toString()));
    child.stderr?.on('data', (d: Buffer) => output.append(d.toString()));
    return child;
  };
  let early: ChildProcess | undefined;
  let current: ChildProcess | undefined;
  queueMicrotask(() => {
    if (!current) early = current = spawn();
  });
  return {
    async transports() {
      const previous = current;
      current = early ?? spawn();
      early = undefined;
      if (previous && previous !== current) void end(previous); // a restart
      return { reader: new IPCMessageReader(current), writer: new IPCMessageWriter(current) };
    },
    ended: () => (current ? end(current) : Promise.resolve()),
  };
}

/** Waits for the server to exit after the client's `exit` notification; ends one that hangs. */
async function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  const grace = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  if (!(await Promise.race([exited, grace]))) child.kill();
}

/** The first workspace folder on disk, as the language client picks the server's working folder. */
function workingFolder(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder?.scheme !== 'file') return undefined;
  try {
    return statSync(folder.fsPath).isDirectory() ? folder.fsPath : undefined;
  } catch {
    return undefined;
  }
}
