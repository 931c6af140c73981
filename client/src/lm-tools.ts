// Language Model tools (VS Code 1.95+): lint, update and outline of the open or a named note, for
// Copilot agent mode (`#handoffLint`, `#handoffUpdate`, `#handoffOutline`). They ask the language
// server, like the editor does; what they return is masked there. Declared in package.json
// (contributes.languageModelTools); skipped, with one line in the output channel, where the API
// is missing. In Restricted Mode lint and outline work on the text; update refuses.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FindingsRequest, OutlineRequest, type FileOutline, type FindingsResult } from '../../server/src/protocol';
import { updateNote } from './update';
import type { LanguageModelTool, LanguageModelToolResult, VscodeNext } from './vscode-next';

interface NoteInput {
  /** A note, relative to a workspace folder (or absolute inside one); absent: the open note. */
  path?: string;
}
interface UpdateInput extends NoteInput {
  /** Write the update into the open document; without it only the diff is returned. */
  apply?: boolean;
}

export function registerLanguageModelTools(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.OutputChannel): void {
  const api = vscode as unknown as VscodeNext;
  const { LanguageModelToolResult: Result, LanguageModelTextPart: Text } = api;
  const register = api.lm?.registerTool;
  if (!register || !Result || !Text) {
    output.appendLine(`Language Model tools skipped: VS Code ${vscode.version} has no vscode.lm.registerTool (1.95+).`);
    return;
  }
  const answer = (text: string): LanguageModelToolResult => new Result([new Text(text)]);
  const tool = <T extends NoteInput>(run: (c: LanguageClient, doc: vscode.TextDocument, input: T) => Promise<string>, extra: Partial<LanguageModelTool<T>> = {}): LanguageModelTool<T> => ({
    ...extra,
    async invoke({ input }) {
      const c = client();
      if (!c) return answer('The Handoff language server is not running.');
      const doc = await noteDocument(input?.path);
      return answer(typeof doc === 'string' ? doc : await run(c, doc, input));
    },
  });
  const updateTool = tool<UpdateInput>(update, {
    prepareInvocation: ({ input }) =>
      input?.apply
        ? {
            invocationMessage: 'Updating the handoff note',
            confirmationMessages: {
              title: 'Update the handoff note?',
              message: `Bring ${input.path ?? 'the open note'} up to date with git: one edit in the editor, undoable, not saved.`,
            },
          }
        : { invocationMessage: 'Previewing the handoff update' },
  });
  try {
    context.subscriptions.push(register.call(api.lm, 'handoff_lint', tool(lint)), register.call(api.lm, 'handoff_outline', tool(outline)), register.call(api.lm, 'handoff_update', updateTool));
  } catch (e) {
    // A tool the manifest lacks, or an API that changed: the rest of the extension still works.
    output.appendLine(`Language Model tools skipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The note a tool call is about: the named one (inside a workspace folder) or the open one. */
async function noteDocument(name: string | undefined): Promise<vscode.TextDocument | string> {
  if (!name) {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') return 'No note is open: open a handoff note or roadmap, or name one with "path".';
    return doc;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const candidates = folders
    .map((f) => ({ root: f.uri.fsPath, file: path.resolve(f.uri.fsPath, name) }))
    .filter(({ root, file }) => {
      const rel = path.relative(root, file);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  if (!candidates.length) return `${name} is not inside a workspace folder; Handoff's tools read notes of this workspace only.`;
  for (const { file } of candidates) {
    const uri = vscode.Uri.file(file);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return markdown(open, name);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      continue;
    }
    try {
      return markdown(await vscode.workspace.openTextDocument(uri), name);
    } catch (e) {
      return `${name} cannot be opened: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return `${name} does not exist in the workspace folders.`;
}

function markdown(doc: vscode.TextDocument, name: string): vscode.TextDocument | string {
  return doc.languageId === 'markdown' ? doc : `${name} is not a Markdown note.`;
}

function label(doc: vscode.TextDocument): string {
  return vscode.workspace.asRelativePath(doc.uri, false);
}

async function lint(c: LanguageClient, doc: vscode.TextDocument): Promise<string> {
  const result: FindingsResult = await c.sendRequest(FindingsRequest, { uri: c.code2ProtocolConverter.asUri(doc.uri) });
  const name = label(doc);
  if (result.version === null) return `${name} changed while it was checked; call the tool again.`;
  if (result.kind === 'other') return `${name} is not a note Handoff checks (a handoff note or a roadmap).`;
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const head = result.findings.length
    ? `${name} (${result.kind}): ${result.findings.length} problem${result.findings.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos)`
    : `${name} (${result.kind}): no problems`;
  const lines = result.findings.map(
    (f) => `- ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule}: ${f.message}${f.fixable ? ' [fix available]' : ''} (${f.docs})`,
  );
  const git = result.gitNote ? [`Git checks are off: ${result.gitNote}.`] : [];
  return [head + (doc.isDirty ? ' (unsaved editor text)' : ''), ...lines, ...git].join('\n');
}

async function outline(c: LanguageClient, doc: vscode.TextDocument): Promise<string> {
  const uri = c.code2ProtocolConverter.asUri(doc.uri);
  const result = await c.sendRequest(OutlineRequest, { uris: [uri] });
  const file = result.files.find((f) => f.uri === uri);
  if (!file) return result.indexing ? `${label(doc)} is not indexed yet (the workspace is still being scanned); call the tool again.` : `${label(doc)} is not a note Handoff outlines (a handoff note or a roadmap).`;
  return outlineText(file);
}

function outlineText(f: FileOutline): string {
  const out = [`# ${f.title ?? f.path}`, `${f.path}: ${f.kind} note, ${f.dialect} layout${f.version === null ? '' : ' (editor text)'}`];
  const fields = Object.entries(f.snapshot).filter(([, v]) => v).map(([k, v]) => `${k}: ${v?.value}`);
  if (fields.length) out.push(`Snapshot: ${fields.join('; ')}`);
  if (f.git) {
    const g = f.git;
    out.push(`Git now: branch ${g.branch ?? '(none)'}, HEAD ${g.head?.slice(0, 7) ?? '(none)'}${g.ahead === null ? '' : `, ${g.ahead} commit${g.ahead === 1 ? '' : 's'} since the recorded commit`}, worktree ${g.dirty ? 'dirty' : 'clean'}`);
  }
  if (f.problems) out.push(`Problems: ${f.problems.errors} errors, ${f.problems.warnings} warnings, ${f.problems.infos} infos`);
  if (f.nextSteps.length) out.push('', '## Next steps, in order', ...[...f.nextSteps].sort((a, b) => a.order - b.order).map((s) => `${s.order}. [${s.done ? 'x' : ' '}] ${s.text}`));
  if (f.risks.length) out.push('', '## Risks', ...f.risks.map((r) => `- ${r.text}`));
  if (f.wip.length) out.push('', '## Work in progress', ...f.wip.map((w) => `- ${w.text}`));
  if (f.roadmap) {
    out.push('', `## Roadmap: ${f.roadmap.done}/${f.roadmap.total} done`);
    for (const p of f.roadmap.phases) out.push(`- ${p.title}${p.status ? ` (${p.status})` : ''}: ${p.done}/${p.total}`);
  }
  return out.join('\n');
}

async function update(c: LanguageClient, doc: vscode.TextDocument, input: UpdateInput): Promise<string> {
  const name = label(doc);
  const outcome = await updateNote(c, doc, { apply: input?.apply === true, confirm: false });
  switch (outcome.status) {
    case 'refused':
      return `${name}: not updated: ${outcome.message}`;
    case 'up-to-date':
      return `${name} is up to date with git; nothing to change.`;
    case 'preview':
      return [`${name}: the update would make these changes (nothing written; call again with "apply": true to apply):`, ...outcome.summary.map((s) => `- ${s}`), '', '```diff', outcome.diff.trimEnd(), '```'].join('\n');
    case 'applied':
      return [`${name}: updated in the editor as one undoable edit (not saved):`, ...outcome.summary.map((s) => `- ${s}`)].join('\n');
    case 'declined':
      return `${name}: the update was not applied (the editor declined the edit).`;
  }
}
