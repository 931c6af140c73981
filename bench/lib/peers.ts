// The tools Handoff is compared with, each as text => result, all in this process.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkPresetLintConsistent from 'remark-preset-lint-consistent';
import { VFile } from 'vfile';
import { lint as markdownlintSync } from 'markdownlint/sync';
import type { Engine } from './engine';

export interface Peer {
  id: string;
  label: string;
  run: (text: string, path: string) => unknown;
}

const remarkOnly = unified().use(remarkParse).freeze();
const remarkLinter = unified().use(remarkParse).use(remarkPresetLintRecommended).use(remarkPresetLintConsistent).freeze();
const gfmOptions = { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] };

export const TODAY = '2026-02-06';

export function peers(engine: Engine): Peer[] {
  return [
    { id: 'floor', label: 'mdast-util-from-markdown (parse floor)', run: (t) => fromMarkdown(t) },
    { id: 'floorGfm', label: 'mdast-util-from-markdown + GFM + front matter', run: (t) => fromMarkdown(t, gfmOptions) },
    { id: 'remarkParse', label: 'unified + remark-parse (parse)', run: (t) => remarkOnly.parse(t) },
    { id: 'markdownlint', label: 'markdownlint 0.40 sync, default rules', run: (t) => markdownlintSync({ strings: { note: t } }) },
    {
      id: 'remarkLint',
      label: 'remark-lint recommended + consistent (parse + run)',
      run: (t) => {
        const file = new VFile({ value: t, path: 'note.md' });
        return remarkLinter.runSync(remarkLinter.parse(file), file);
      },
    },
    { id: 'handoffParse', label: 'Handoff parse (line scanner, remark when it declines)', run: (t) => engine.parts.parseMarkdown(t) },
    { id: 'handoffNote', label: 'Handoff noteOf (model only)', run: (t, p) => engine.noteOf({ text: t, path: p }) },
    { id: 'handoff', label: 'Handoff lint, all text rules', run: (t, p) => engine.lintWith({ text: t, path: p, today: TODAY, rules: engine.rules }) },
  ];
}
