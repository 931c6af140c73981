// Which snapshot field(s) a label names. "Branch / commit" names two; "HEAD / upstream
// (`origin/main`)" names the commit and the upstream. Labels in several languages.
import type { FieldKey } from '../types';

const KEYS: ReadonlyArray<[FieldKey, RegExp]> = [
  ['date', /^(?:date|dated|last[- ]?updated?|updated(?: on| at)?|as of|session date|generated|ultimo aggiornamento|aggiornato|fecha|actualizado|última actualización|data|datum|stand|日付|日期|更新日|最終更新|最後更新|最后更新|날짜|최종 업데이트|дата|обновлено)$/u],
  ['branch', /^(?:(?:current |git |working )?branch|rama|ramo|zweig|ブランチ|分支|브랜치|ветка)$/u],
  ['commit', /^(?:head|commit|sha|latest commit|last commit|current head|head commit|revision|rev|local head)$/u],
  ['upstream', /^(?:upstream|remote|origin|tracking|upstream commit)$/u],
  ['worktree', /^(?:worktree|work ?tree|working tree|working copy|worktree state|tree|git status|repo state|uncommitted changes)$/u],
  ['goal', /^(?:goal|goals|objective|current goal|goal of the session|session goal|focus|objetivo|obiettivo|ziel|目标|目標|목표|цель)$/u],
];

function keyOf(part: string): FieldKey | null {
  const p = part.trim().toLowerCase();
  for (const [key, re] of KEYS) if (re.test(p)) return key;
  return null;
}

/** Field keys a label names, in order; empty when it is not a snapshot label. */
export function fieldKeysOf(label: string): FieldKey[] {
  const clean = label
    .replace(/[*_]/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean || clean.length > 40) return [];
  const whole = keyOf(clean);
  if (whole) return [whole];
  const parts = clean.split(/\s*(?:\/|&|\+|\band\b|,)\s*/);
  if (parts.length < 2) return [];
  const keys = parts.map(keyOf);
  return keys.every((k): k is FieldKey => k !== null) ? keys : [];
}

/** The upstream ref a label names in passing: "HEAD / upstream (`origin/main`)" -> "origin/main". */
export function upstreamNameIn(label: string): string | null {
  const m = /\(\s*`?([\w.-]+\/[\w./-]+)`?\s*\)/.exec(label);
  return m ? m[1] : null;
}
