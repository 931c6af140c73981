// The Update Handoff and New Handoff requests: the edits that bring a note up to date with git
// (refused in Restricted Mode, outside the workspace folders, and when the note changed while
// git ran), and the text of a new note from a dialect or the project's template.
import { dirname, join } from 'node:path';
import { URI } from 'vscode-uri';
import { applyEdits, noteOf, planUpdate } from '../engine';
import { unifiedDiff } from '../project/diff';
import { newNote } from '../project/new-note';
import { notePath } from '../project/paths';
import { isGitUnavailable, relativeToWorkspace } from '../git';
import { UPDATE_REFUSALS } from '../project/update-note';
import { NewNoteRequest, UpdateRequest } from '../protocol';
import { toLspEdit } from './convert';
import { insideFolders, type GitFactsSource } from './git-facts';
import { filePathOf, today } from './linting';
import type { ServerState } from './start';

export function registerUpdateRequests(state: ServerState, git: GitFactsSource): void {
  state.connection.onRequest(UpdateRequest, async ({ uri, version, diff }) => {
    const none = (refused: string) => ({ version, edits: [], summary: [], refused });
    const doc = state.documents.get(uri);
    const file = doc ? filePathOf(uri) : null;
    if (!doc || !file) return none('Open the handoff note in an editor first');
    if (!state.trusted) return none(UPDATE_REFUSALS.untrusted);
    if (!insideFolders(state.roots, file)) return none(`Update Handoff runs git only for notes inside the workspace folders; ${file} is outside them`);
    if (state.linter.isLarge(doc)) return none('Update Handoff does not run on a note this large (over 1 MB or 50,000 lines)');
    const result = state.linter.resultFor(doc);
    if (!result || result.note.kind !== 'handoff') return none(UPDATE_REFUSALS.notHandoff);
    const location = await git.provider.locate(dirname(file));
    if (!isGitUnavailable(location)) git.provider.invalidate(location.root);
    git.changed();
    const facts = await git.gather(file, result);
    if (isGitUnavailable(facts)) return none(facts.message);
    const current = state.documents.get(uri);
    if (!current || current.version !== version || doc.version !== version) return { ...none(UPDATE_REFUSALS.changed), stale: true };
    const project = state.configs.forFile(file);
    const reparse = (text: string) => noteOf({ text, path: result.note.path, config: project.config, template: project.template });
    const plan = planUpdate(result.note, relativeToWorkspace(facts, git.workspaceFor(file).root), { today: today(), reparse });
    const edits = plan.edits.map((e) => toLspEdit(result.note.lines, e));
    if (!diff || plan.refused) return { version, edits, summary: plan.summary, refused: plan.refused };
    // The diff shows the note's lines: its secrets (and any token-shaped text) are masked.
    const name = notePath(file, project.root);
    return { version, edits, summary: plan.summary, refused: null, diff: result.mask(unifiedDiff(name, doc.getText(), applyEdits(doc.getText(), plan.edits))) };
  });

  state.connection.onRequest(NewNoteRequest, async ({ folderUri, dialect }) => {
    const folder = URI.parse(folderUri).fsPath;
    const project = state.configs.forFile(join(folder, 'HANDOFF.md'));
    const made = await newNote(folder, dialect, project, state.trusted && insideFolders(state.roots, folder) ? git.provider : null, today());
    return { text: made.text, dialects: made.dialects };
  });
}
