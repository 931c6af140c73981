// How right Handoff is on notes it was not tuned on: lints one half of the unseen corpus
// (test/fixtures/unseen, INDEX.tsv column `half`), prints findings and precision per rule from the
// half's review (test/engine/unseen/REVIEW-<half>.md), and the recall of planted defects.
//
//   node --import tsx scripts/unseen.ts dev|held|fresh|fresh3|fresh4 [--write] [--skeleton]
//
// --write     writes test/engine/unseen/findings-<half>.json (the dev half's is the test's snapshot)
// --skeleton  prints a review row for each finding the review does not cover yet
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineIndex } from '../server/src/engine';
import { HALVES, lintHalf, lintText, plantedRecall, readNote, unseenIndex, type Half } from '../test/engine/unseen/measure';
import { readReview, tally } from '../test/engine/unseen/review';

const STRUCTURE = ['required-sections', 'section-order', 'heading-names', 'empty-sections'];

function main(): void {
  const half = process.argv[2] as Half;
  if (!HALVES.includes(half)) {
    console.error('usage: node --import tsx scripts/unseen.ts dev|held|fresh|fresh3|fresh4 [--write] [--skeleton]');
    process.exit(2);
  }
  const notes = unseenIndex().filter((n) => n.half === half);
  const entries = lintHalf(half);
  if (process.argv.includes('--write')) {
    writeFileSync(resolve(__dirname, `../test/engine/unseen/findings-${half}.json`), JSON.stringify(entries, null, 2) + '\n');
  }
  const { rules, missing, errors } = tally(entries, readReview(half));
  if (process.argv.includes('--skeleton')) {
    for (const key of missing) {
      const [file, at] = key.split('\t');
      const note = notes.find((n) => n.file === file)!;
      const text = readNote(note);
      const line = Number(at.split(':')[1]);
      const { mask } = lintText(text, note);
      const lines = new LineIndex(text);
      const excerpt = mask(text.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1))).slice(0, 100).replace(/\|/g, '\\|');
      console.log(`| ${file} | ${at} | ? | ${excerpt} |`);
    }
    return;
  }
  const langs = new Set(notes.map((n) => n.lang));
  console.log(`Half "${half}": ${notes.length} notes, ${langs.size} languages\n`);
  console.log('| Rule | Findings | Right | Wrong | Unreviewed | Precision |');
  console.log('|---|---:|---:|---:|---:|---:|');
  let wrong = 0;
  for (const [rule, c] of [...rules].sort((a, b) => b[1].findings - a[1].findings)) {
    wrong += c.wrong;
    const judged = c.right + c.wrong;
    const precision = judged ? `${((100 * c.right) / judged).toFixed(1)} %` : '–';
    console.log(`| \`${rule}\`${STRUCTURE.includes(rule) ? ' (structure)' : ''} | ${c.findings} | ${c.right} | ${c.wrong} | ${c.unreviewed} | ${precision} |`);
  }
  const structure = [...rules].filter(([r]) => STRUCTURE.includes(r)).reduce((a, [, c]) => ({ right: a.right + c.right, wrong: a.wrong + c.wrong }), { right: 0, wrong: 0 });
  const sJudged = structure.right + structure.wrong;
  console.log(`\nStructure rules together: ${structure.right}/${sJudged} right (${sJudged ? ((100 * structure.right) / sJudged).toFixed(1) : '–'} %)`);
  console.log(`Wrong findings per note: ${wrong}/${notes.length} = ${(wrong / notes.length).toFixed(3)}`);
  console.log(`Errors on unmodified notes: ${errors}`);
  console.log('\n| Planted defect | Planted | Found | Recall |');
  console.log('|---|---:|---:|---:|');
  let planted = 0;
  let found = 0;
  for (const [kind, r] of Object.entries(plantedRecall(half))) {
    planted += r.planted;
    found += r.found;
    console.log(`| ${kind} | ${r.planted} | ${r.found} | ${r.planted ? ((100 * r.found) / r.planted).toFixed(1) + ' %' : '–'} |${r.missed.length ? ' missed: ' + r.missed.join(', ') : ''}`);
  }
  console.log(`| all | ${planted} | ${found} | ${planted ? ((100 * found) / planted).toFixed(1) : '–'} % |`);
}

main();
