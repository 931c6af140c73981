// Where each rule's documentation page lives: the server puts it in a diagnostic's
// codeDescription, the CLI in SARIF's helpUri, and scripts/gen-docs.ts writes the pages there.

export const RULE_DOCS_BASE = 'https://github.com/handoff-notes/handoff/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
