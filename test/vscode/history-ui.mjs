#!/usr/bin/env node
// A handoff note's history driven through the browser: code-server with the extension loaded
// from this repository (run `npm run build` first), on a git repository written for this run
// whose HANDOFF.md has five committed versions (steps added, carried, ticked, dropped and
// reopened, a risk added and resolved). Real clicks on the activity bar, a tree row, a Timeline
// row and the Explorer's Timeline panel.
//
//   node test/vscode/history-ui.mjs [--timeout=SECONDS] [--keep] [--headed] [--shot=FILE]
//
// Steps: the Handoff container's Timeline view lists the versions of the open note and the Next
// Steps view shows each step's age; a click on a version opens the diff against the version
// before; VS Code's own Timeline panel (Explorer) lists the same versions under "Handoff".
// Screenshots go to test-results/screenshots/history-ui/; the one of the Timeline and Next Steps
// views is also written to --shot (default docs/screenshot-timeline.png, the README's picture).
// Exit code 0 only when every step passed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runSidebarSession } from './sidebar-session.mjs';

const day = (daysAgo) => new Date(Date.now() - daysAgo * 86400000).toISOString().slice(0, 10);

const note = (date, steps, risks) => `# Session Handoff

## Snapshot

- Date: ${date}
- Branch / commit: \`main\`
- Goal of the session: Ship the Docker runner (ST-04-02).

## Known issues / risks

${risks}
## Next steps (recommended order)

${steps}`;

/** Five sessions of one note, a week apart, the last one today. */
const SESSIONS = [
  [35, 'Plan the runner', 'SESSION_HANDOFF.md',
    '- [ ] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Document the admin editor.\n',
    '- docker.sock access is not reviewed.\n'],
  [28, 'Runner protocol done', 'SESSION_HANDOFF.md',
    '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Document the admin editor.\n- [ ] Add load tests for 500 projects.\n',
    '- docker.sock access is not reviewed.\n'],
  [21, 'Drop the admin editor docs', 'SESSION_HANDOFF.md',
    '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests for 500 projects.\n',
    '- Load tests need a bigger runner.\n'],
  [14, 'Rename the note to HANDOFF.md', 'HANDOFF.md',
    '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests for 500 projects.\n',
    '- Load tests need a bigger runner.\n'],
  [7, 'Protocol needs rework for streaming logs', 'HANDOFF.md',
    '- [ ] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests for 500 projects.\n- [ ] Stream the runner logs.\n',
    '- Load tests need a bigger runner.\n- Log streaming may drop lines under load.\n'],
];

function writeWorkspace(ws) {
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  const git = (argv, date) => execFileSync('git', argv, {
    cwd: ws,
    env: { ...process.env, GIT_AUTHOR_NAME: 'Dana Dev', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Dev', GIT_COMMITTER_EMAIL: 'dana@example.com', ...(date ? { GIT_AUTHOR_DATE: `${date}T17:00:00Z`, GIT_COMMITTER_DATE: `${date}T17:00:00Z` } : {}) },
  });
  git(['init', '-q', '-b', 'main']);
  fs.writeFileSync(path.join(ws, '.gitignore'), '.vscode/\n');
  let name;
  for (const [ago, subject, file, steps, risks] of SESSIONS) {
    if (name && name !== file) git(['mv', name, file]);
    name = file;
    fs.writeFileSync(path.join(ws, file), note(day(ago), steps, risks));
    git(['add', '-A']);
    git(['commit', '-q', '-m', subject], day(ago));
  }
  // The VS Code git extension would add its own entries to the Timeline panel: only Handoff's here.
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'git.enabled': false, 'markdown.validate.enabled': false, 'files.autoSave': 'off' }, null, 2));
}

await runSidebarSession({
  name: 'history-ui',
  shot: 'docs/screenshot-timeline.png',
  writeWorkspace,
  steps: async ({ page, left, pane, row, step, widenSidebar, pictureShot }) => {
    const collapse = async (title) => {
      const header = pane(title).locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    };

    await step('views', 'the Timeline view lists the versions of the open note and Next Steps shows the ages', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Handoff"]').first().click({ timeout: left() });
      for (const title of ['Status', 'Next Steps', 'Risks', 'Roadmap', 'Timeline']) await pane(title).locator('.pane-header').waitFor({ timeout: left() });
      // A click on a step opens the note: the Timeline follows the active editor.
      await row('Next Steps', 'Add the Docker runner').locator('.monaco-icon-label').click({ timeout: left(60000) });
      await row('Timeline', 'Runner protocol done').waitFor({ timeout: left(60000) });
      await row('Timeline', 'Plan the runner').waitFor({ timeout: left() });
      await row('Next Steps', /Add the Docker runner.*5 sessions · \d+ d/).waitFor({ timeout: left(60000) });
      await row('Next Steps', /Write the runner protocol.*reopened/).waitFor({ timeout: left() });
      // For the picture: the views this is about, a wider sidebar, one version opened up.
      await collapse('Status');
      await collapse('Risks');
      await collapse('Roadmap');
      await widenSidebar(560);
      await row('Timeline', 'Drop the admin editor docs').locator('.monaco-tl-twistie').click({ timeout: left() });
      await row('Timeline', 'Document the admin editor').waitFor({ timeout: left() });
      await pictureShot('timeline');
    });

    await step('diff', 'a click on a version opens the diff against the version before', async () => {
      await row('Timeline', 'Runner protocol done').locator('.monaco-icon-label').click({ timeout: left() });
      await page.locator('.tabs-container .tab', { hasText: /SESSION_HANDOFF\.md \([0-9a-f]{7} ↔ [0-9a-f]{7}\)/ }).first().waitFor({ timeout: left() });
      await page.locator('.editor-group-container.active .monaco-diff-editor').waitFor({ timeout: left() });
      await page.waitForFunction(() => /\[x\] Write the runner protocol/.test([...document.querySelectorAll('.editor-group-container.active .monaco-diff-editor .view-lines')].map((e) => e.innerText).join('\n').replace(/\u00a0/g, ' ') ?? ''), null, { timeout: left() });
    });

    await step('panel', "VS Code's Timeline panel lists the versions under Handoff", async () => {
      // The note is opened again from its step: the diff may have taken its preview tab.
      await row('Next Steps', 'Add the Docker runner').locator('.monaco-icon-label').click({ timeout: left() });
      await page.locator('.tabs-container .tab.active', { hasText: /^HANDOFF\.md/ }).first().waitFor({ timeout: left() });
      await page.keyboard.press('Control+Shift+E');
      const timeline = page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^\s*Timeline/i }) });
      const header = timeline.locator('.pane-header');
      await header.waitFor({ timeout: left() });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await timeline.locator('.monaco-list-row', { hasText: 'Runner protocol done' }).first().waitFor({ timeout: left(60000) });
      await timeline.locator('.monaco-list-row', { hasText: 'Plan the runner' }).first().waitFor({ timeout: left() });
    });
  },
});
