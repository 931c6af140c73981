import { defineRule } from '../lint/rule';
import { insertBlock, sectionBlock, sectionInsertionPoint } from '../update/sections-edit';

const SESSION_OK = `# Session Handoff

## Snapshot

- Date: 2025-12-14

## What changed

- \`src/app.ts\`

## Decisions (and links)

- Keep the API.

## How to run / verify

- \`npm test\`

## Known issues / risks

- None known.

## Next steps (recommended order)

1. Ship it.
`;

export default defineRule({
  meta: {
    id: 'required-sections',
    description: 'Every section the dialect requires is present',
    rationale:
      'The next session looks for the same sections every time. A missing "Next steps" or "Known issues" section means the reader cannot tell "nothing to say" from "forgot to say". In free-form notes (dialect `auto`) only next steps are expected: a section or label that names them in any of some twenty languages (also a heading that says work remains, waits, is left for later or must be done), or open work under another heading (an unchecked task item or a ⬜ box, a plan table with a row not done). A heading that says something is not done ("Ce qui n\'est pas fait", "Что не доделано") names next steps, and every part of a compound heading counts ("In Corso / Rimasto da Fare"). A heading that says its items await work ("已知待修复", "Bugs to fix") names next steps too, beside the role it names, and so does a focus section whose items are instructions ("Build the plan"). A built-in dialect\'s sections are found by meaning in other languages: a heading that says current ("Posição Atual", "Tâche en Cours") plays its "Current …" section, one that names the role plays the others ("Continuidade de Sessão"). Where the headings are in a script the vocabulary has no words in, where a section no role names is mostly a numbered list (steps, perhaps a plan in words the vocabulary lacks), or where the whole note sits inside a fence of Markdown, a free-form note gets no verdict. The fix inserts the section skeleton where the dialect puts it.',
    tags: ['structure'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: false,
    examples: {
      ok: [
        { text: SESSION_OK, path: 'HANDOFF.md' },
        { text: '# Handoff\n\n## Where things stand\n\nAll green.\n\n## Next actions\n\n- Release.\n', path: 'HANDOFF.md', caption: 'A free-form note with next actions.' },
        { text: '# Handoff\n\n## Status\n\nDone.\n\nNext steps:\n\n1. Tag the release.\n', path: 'HANDOFF.md', caption: 'Next steps as a labelled list inside another section.' },
        { text: '# Passation\n\n## Fait\n\nLe tuto est en ligne.\n\n## Plus tard\n\n- Sous-titres.\n', path: 'PASSATION.md', caption: 'Work left for later, in the note\'s own words.' },
      ],
      notOk: [
        { text: SESSION_OK.replace(/## Next steps[\s\S]*$/, ''), path: 'HANDOFF.md', caption: 'Session handoff without next steps.' },
        { text: SESSION_OK.replace(/## Known issues \/ risks\n\n- None known.\n\n/, ''), path: 'HANDOFF.md', caption: 'No risks section.' },
        { text: '# Handoff\n\n## Status\n\nAll green.\n', path: 'HANDOFF.md', caption: 'A free-form note that never says what comes next.' },
      ],
    },
  },
  check({ note, report, today, git }) {
    // Roadmaps are checked only when they follow a layout of their own (memory-bank/progress.md).
    if (note.kind === 'roadmap' && !note.dialect.paths) return;
    const anchor = note.title ?? note.sections[0]?.heading ?? null;
    const at = anchor ? { start: anchor.textStart, end: anchor.textEnd } : { start: 0, end: 0 };
    const values = { date: today, branch: git?.branch ?? undefined, head: git?.head?.slice(0, 7) };
    // A note wrapped whole in a fence of Markdown has its headings inside the code: none can be read.
    if (wrappedInFence(note)) return;
    if (note.dialect.lenient) {
      // A code fence left open that swallowed a next-steps heading or label took the rest of
      // the note with it: the steps are there, hidden (code-block-length reports long blocks).
      if (endsInOpenFence(note)) return;
      // In a script the role vocabulary has no words in, a role not found is not known to be missing.
      if (!readsScript(headingsOf(note))) return;
      // A lenient dialect asks for roles, under any heading: the next steps (auto), and what
      // its users expect of the file (a memory bank's current focus, what works).
      for (const spec of note.dialect.sections) {
        if (!spec.required || !spec.role || hasRole(note, spec.role) || hasCurrent(note, spec)) continue;
        // A section no role names, holding steps in order, may well be the next steps
        // in words the vocabulary lacks ("接手顺序", "バックログ"): missing is a guess, so say nothing.
        if (spec.role === 'next' && note.allSections.some(isUnnamedPlan)) continue;
        // A focus whose items are instructions ("Build the plan", "Identify the needs") is what to do next.
        if (spec.role === 'next' && note.allSections.some(isInstructedFocus)) continue;
        report({
          ...at,
          message: spec.role === 'next' ? 'Missing next steps: add a section that says what to do next' : `Missing section "${spec.heading}"`,
          fix: { title: `Insert section "${spec.heading}"`, edits: [insertBlock(note, note.text.length, sectionBlock(spec, note.sections[0]?.heading.depth ?? 2, values))] },
        });
      }
      return;
    }
    const template = note.dialect.id === 'template';
    note.dialect.sections.forEach((spec, i) => {
      if (!spec.required || note.allSections.some((s) => s.spec === i)) return;
      // A built-in dialect's names are English; a heading in another language plays its part by
      // meaning ("Posição Atual", "Continuidade de Sessão"). A project's template names its own sections.
      if (!template && note.allSections.some((s) => s.spec < 0 && translates(s.heading.text, spec))) return;
      report({
        ...at,
        message: `Missing section "${spec.heading}"`,
        fix: { title: `Insert section "${spec.heading}"`, edits: [insertBlock(note, sectionInsertionPoint(note, i), sectionBlock(spec, note.dialect.sectionLevel, values))] },
      });
    });
  },
});

import { labelText, plainLabelText } from '../model/items';
import { hasOpenWork } from '../model/open-work';
import { normalizeLabel, stripQualifiers } from '../model/labels';
import { leadRole, roleOf, rolesOf } from '../model/roles';
import { fold, namesCurrent, opensWithImperative, readsScript } from '../model/lexicon';
import { plainText } from '../parse/walk';
import type { SectionSpec } from '../dialects/dialect';
import type { RootContent } from 'mdast';
import type { Section } from '../model/sections';
import { startOf, endOf } from '../parse/parse';
import type { Note } from '../model/note';
import type { Role } from '../types';

const folded = (label: string) => fold(normalizeLabel(label));

/**
 * A dialect's "Current …" section ("Current Work Focus") is any heading that says current in the
 * lexicon's languages ("Tâche en Cours", "Vấn đề hiện tại", "当前任务"), whatever role its noun names.
 */
function hasCurrent(note: Note, spec: SectionSpec): boolean {
  return namesCurrent(folded(spec.heading)) && note.allSections.some((s) => namesCurrent(folded(s.heading.text)));
}

/**
 * Whether a heading that shares no word with the dialect's name for a section plays that section:
 * it says current where the name does, else it names the section's role.
 */
function translates(heading: string, spec: SectionSpec): boolean {
  const label = folded(heading);
  const words = new Set(label.split(/[^\p{L}\p{N}]+/u));
  if (folded(spec.heading).split(/[^\p{L}\p{N}]+/u).some((w) => w && words.has(w))) return false;
  if (namesCurrent(folded(spec.heading))) return namesCurrent(label);
  return spec.role !== null && rolesOf(heading).includes(spec.role);
}

function hasRole(note: Note, role: Role): boolean {
  if (note.allSections.some((s) => s.role === role || rolesOf(s.heading.text).includes(role)) || note.allSections.some((s) => labelled(s.ownNodes, role)) || labelled(note.preamble, role)) return true;
  // A progress log kept as a status table says what works in its table rows marked done.
  if (role === 'changes') return note.roadmap?.phases.some((p) => p.items.some((i) => i.kind === 'table' && i.source === 'item' && i.status === 'done')) ?? false;
  if (role !== 'next') return false;
  // A note titled as a to-do list is all next steps; so is open work under any heading: a task
  // item left unchecked, a plan table with rows not done, a bullet that says it ("**Next up:** Module 6").
  return titledAsNext(note.title?.text ?? '') || hasOpenWork(note);
}

/**
 * "TODO", "Pendências — Gruppen Academy", "Próximos pasos", "Next session — finish the rewire",
 * but not "Next session handoff" nor "Handoff for the next session".
 */
function titledAsNext(title: string): boolean {
  if (/\bto-?do\b|\btasks\b/i.test(title)) return true;
  const label = normalizeLabel(title);
  const head = stripQualifiers(label);
  if (HANDOFF_WORDS.test(head)) return false;
  // A title that names the next session and then what it does is that session's plan; a title
  // that names a session and nothing more is the note's name.
  if (SESSION_WORDS.test(head)) {
    const [name, plan] = label.split(/\s*[:：]\s+|\s+[-–—]\s+/u, 2);
    const rest = stripQualifiers(name).replace(SESSION_WORDS, ' ').trim();
    return Boolean(plan) && rest.split(/\s+/).length <= 2 && roleOf(rest) === 'next';
  }
  return roleOf(head) === 'next';
}

const HANDOFF_WORDS = /hand-?off|hand-?over|引き継ぎ|引継|交接|인수인계|bàn giao|ban giao|übergabe|passation|overdracht|överlämning|передач/iu;
const SESSION_WORDS = /\b(?:session|sesi[oó]n|sess[aã]o|sessione|sitzung|séance|sesja|sezení|oturum|sesi|phiên)\b|сесси[яи]|セッション|会话|會話|세션/iu;

/** The note's title and headings, or the start of its text when it has none: what roles are read from. */
function headingsOf(note: Note): string {
  const headings = note.title ? [note.title.text] : [];
  for (const s of note.allSections) headings.push(s.heading.text);
  return headings.length ? headings.join('\n') : note.text.slice(0, 4000);
}

/** Whether the note ends inside a fenced code block that never closes and took next steps in. */
function endsInOpenFence(note: Note): boolean {
  const last = note.root.children[note.root.children.length - 1];
  if (last?.type !== 'code' || !swallowsNextSteps(last.value)) return false;
  const raw = note.text.slice(startOf(last), endOf(last));
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
  if (!open) return false;
  const lines = raw.trimEnd().split(/\r\n|\r|\n/);
  const close = lines.length > 1 ? lines[lines.length - 1].trim() : '';
  return !(close.startsWith(open[1][0].repeat(open[1].length)) && /^(`+|~+)$/.test(close));
}

/** Whether a line of the code names the next steps, as a heading or a label would. */
function swallowsNextSteps(code: string): boolean {
  return code.split(/\r\n|\r|\n/).some((line) => {
    const label = line.replace(/^[\s#>*_\-+\d.)]*/, '').replace(/[\s*_:：]*$/, '');
    return label.length > 0 && label.length <= 80 && leadRole(label) === 'next';
  });
}

/**
 * A label such as "**Pick from this queue**" or "Next steps:" introducing what follows, or a plain
 * line that names the role ("Next Steps") over a list or table.
 */
function labelled(nodes: RootContent[], role: Role): boolean {
  return nodes.some((n, i) => {
    const label = labelText(n) ?? plainLabelText(n, nodes[i + 1]);
    return label !== null && leadRole(label) === role;
  });
}

/**
 * A section whose heading names no role and whose body is mostly an ordered list: steps in order.
 * A numbered list inside an argument (how a bug happens, step by step) is not most of its section.
 */
function isUnnamedPlan(section: Section): boolean {
  if (section.role !== null || rolesOf(section.heading.text).length > 0) return false;
  const body = section.ownNodes.reduce((sum, n) => sum + endOf(n) - startOf(n), 0);
  const steps = section.ownNodes.filter((n) => n.type === 'list' && n.ordered === true).reduce((sum, n) => sum + endOf(n) - startOf(n), 0);
  return steps > 0 && steps * 2 >= body;
}

const FOCUS = /\b(?:focus|foco|enfoque|fokus)\b|重点|焦点|フォーカス|포커스|фокус/iu;

/** A current-work or focus section whose list items mostly open with an instruction. */
function isInstructedFocus(section: Section): boolean {
  const label = normalizeLabel(section.heading.text);
  if (!FOCUS.test(label) && !namesCurrent(fold(label))) return false;
  const items = section.ownNodes.flatMap((n) => (n.type === 'list' ? n.children : []));
  if (!items.length) return false;
  const instructions = items.filter((li) => opensWithImperative(plainText(li.children[0] ?? li)));
  return instructions.length * 3 >= items.length * 2;
}

/**
 * Whether the note's content is one fenced block of Markdown (info string `markdown`/`md`, or none
 * with a heading inside) that holds most of its text: the note was pasted inside a fence.
 */
function wrappedInFence(note: Note): boolean {
  if (note.allSections.length > 0) return false;
  return note.root.children.some((n) => {
    if (n.type !== 'code') return false;
    const markdown = /^(?:markdown|md)$/i.test(n.lang ?? '') || (!n.lang && /^ {0,3}#{1,6}\s/m.test(n.value));
    return markdown && endOf(n) - startOf(n) >= note.text.trim().length / 2;
  });
}
