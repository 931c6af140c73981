import type { Dialect } from './dialect';
import { sessionHandoff } from './session-handoff';
import { nextChatHandoff } from './next-chat-handoff';
import { auto } from './auto';
import { gsdState } from './gsd-state';
import { memoryBankActiveContext, memoryBankProgress } from './memory-bank';
import { claudeHandoff } from './claude-handoff';

export type { Dialect, SectionSpec, FieldSpec } from './dialect';
export { templateDialect } from './template';

/** Built-in dialects by id. */
export const DIALECTS: Readonly<Record<string, Dialect>> = {
  [sessionHandoff.id]: sessionHandoff,
  [nextChatHandoff.id]: nextChatHandoff,
  [gsdState.id]: gsdState,
  [memoryBankActiveContext.id]: memoryBankActiveContext,
  [memoryBankProgress.id]: memoryBankProgress,
  [claudeHandoff.id]: claudeHandoff,
  [auto.id]: auto,
};
