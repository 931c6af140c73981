import { defineRule } from '../lint/rule';
import { findPersonalData } from '../scan/personal';

const AT = '@';

export default defineRule({
  meta: {
    id: 'no-personal-data',
    description: 'No personal e-mail addresses, home-directory paths or phone numbers',
    rationale:
      'Notes travel further than their authors expect. Real-looking e-mail addresses, phone numbers and paths under a user\'s home directory (`/Users/alice/…`) expose people and machines. Reserved domains (`example.com`, `*.test`) and `~/` are fine, and so are role logins (`admin@`, `agent1@`), addresses the line calls demo, sample or test data in any language, a business\'s address that is its public handle on the same line or that the line says was made for the business or shop, and systemd unit names (`web@prod.service`). The fix for a home-directory path writes it with `~`.',
    tags: ['hygiene', 'privacy'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: true,
    examples: {
      ok: [
        { text: `# Handoff\n\nAsk dev${AT}example.com.\n`, path: 'HANDOFF.md' },
        { text: '# Handoff\n\nLogs are in `~/.cache/app/`.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nRemote: `git@github.com:org/repo.git`\n', path: 'HANDOFF.md' },
      ],
      notOk: [
        { text: `# Handoff\n\nContact alice.smith${AT}acme-corp.com for access.\n`, path: 'HANDOFF.md' },
        { text: '# Handoff\n\nRun `/Users/alice/projects/app/run.sh`.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nData in `/home/bob/data/`.\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ text, report }) {
    for (const hit of findPersonalData(text)) {
      const what = hit.kind === 'email' ? 'e-mail address' : hit.kind === 'home-path' ? 'home-directory path' : 'phone number';
      const home = hit.kind === 'home-path' ? /^(?:\/Users\/[^/\s`]+|\/home\/[^/\s`]+|[A-Za-z]:\\Users\\[^\\\s`]+)/.exec(text.slice(hit.start, hit.end)) : null;
      report({
        start: hit.start,
        end: hit.end,
        message: `Personal data (${what}): ${hit.preview}`,
        fix: home ? { title: 'Write the path with ~', edits: [{ start: hit.start, end: hit.start + home[0].length, text: '~' }] } : undefined,
      });
    }
  },
});
