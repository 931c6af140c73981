import type { Dialect } from './dialect';
import { sessionHandoff } from './session-handoff';
import { nextChatHandoff } from './next-chat-handoff';
import { auto } from './auto';

export type { Dialect, SectionSpec, FieldSpec } from './dialect';
export { templateDialect } from './template';

/** Built-in dialects by id. */
export const DIALECTS: Readonly<Record<string, Dialect>> = {
  [sessionHandoff.id]: sessionHandoff,
  [nextChatHandoff.id]: nextChatHandoff,
  [auto.id]: auto,
};
