// A dialect is a schema for one shape of handoff note: its title, its sections in order (each
// with a canonical heading, aliases, whether it is required, and the role it plays) and the
// snapshot fields it records.
import type { FieldKey, Role } from '../types';

export interface SectionSpec {
  /** Canonical heading text, as the dialect writes it. */
  heading: string;
  aliases: string[];
  role: Role | null;
  required: boolean;
  /** Body inserted under the heading by "insert missing section" fixes and snippets. */
  skeleton: string;
}

export interface FieldSpec {
  key: FieldKey;
  /** How the dialect writes the label ("Date", "HEAD / upstream (`origin/main`)"). */
  label: string;
  required: boolean;
}

export interface Dialect {
  id: string;
  /** Canonical H1, or null when the dialect does not fix one. */
  title: string | null;
  sections: SectionSpec[];
  /** Heading level of sections (2 for "##"). */
  sectionLevel: number;
  fields: FieldSpec[];
  /** Where the snapshot fields live: under the title (preamble) or in the snapshot section. */
  fieldsIn: 'preamble' | 'snapshot';
  /** A lenient schema (auto): only the roles that matter are checked, not names or order. */
  lenient: boolean;
  /** How fields are written when inserted: "- Date: x" (bullet) or "Date: x" (line). */
  fieldStyle: 'bullet' | 'line';
  /**
   * Where the layout lives (globs, matched case-insensitively): a note at such a path follows
   * this dialect whatever its headings, also a roadmap (`memory-bank/progress.md`).
   */
  paths?: string[];
}
