// How fresh a handoff is: the age of its date and the commits HEAD made since its recorded
// commit, against the limits in the settings (handoff.staleness.days / .commits).
import * as vscode from 'vscode';
import type { FileOutline } from '../../../server/src/protocol';

export interface Freshness {
  /** Whole days since the note's date; null when it has no readable date. */
  days: number | null;
  /** Commits HEAD is ahead of the recorded commit; null when unknown. */
  ahead: number | null;
  stale: boolean;
  /** Why it is stale, for tooltips ("12 days old (limit 7)"). */
  reasons: string[];
}

export interface Limits {
  days: number;
  commits: number;
}

export function limits(): Limits {
  const c = vscode.workspace.getConfiguration('handoff.staleness');
  return { days: c.get<number>('days', 7), commits: c.get<number>('commits', 20) };
}

/** Days from a date as notes write it ("2025-12-14", "2026-02-07T18:30Z", "Jan 22, 2026") to today. */
export function daysSince(value: string, now = new Date()): number | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const date = iso ? new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) : new Date(Date.parse(value));
  if (Number.isNaN(date.getTime())) return null;
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((today.getTime() - day.getTime()) / 86_400_000);
}

export function freshnessOf(f: FileOutline, l: Limits = limits(), now = new Date()): Freshness {
  const days = f.snapshot.date ? daysSince(f.snapshot.date.value, now) : null;
  const ahead = f.git?.ahead ?? null;
  const reasons: string[] = [];
  if (days !== null && days > l.days) reasons.push(`${ageText(days)} old (limit ${l.days} days)`);
  if (ahead !== null && ahead > l.commits) reasons.push(`${ahead} commits since its commit (limit ${l.commits})`);
  return { days, ahead, stale: reasons.length > 0, reasons };
}

export function ageText(days: number): string {
  if (days < 0) return 'in the future';
  if (days === 0) return 'today';
  return days === 1 ? '1 day' : `${days} days`;
}
