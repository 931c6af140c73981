// Every tool result leaves through here: its text and every string of its structured content pass
// the masking step (the notes' own secrets, then any token-shaped text), so no secret reaches a
// client whatever a tool put in.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { maskTokenShapes, type Masker } from '../engine';

function maskDeep(value: unknown, mask: Masker): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, mask));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, mask)]));
  return value;
}

/** One masker out of several (each note's), always ending with the token-shape mask. */
export function combineMasks(masks: readonly Masker[]): Masker {
  return (text) => maskTokenShapes(masks.reduce((t, m) => m(t), text));
}

export function toolResult(text: string, structured: Record<string, unknown>, masks: readonly Masker[] = []): CallToolResult {
  const mask = combineMasks(masks);
  return { content: [{ type: 'text', text: mask(text) }], structuredContent: maskDeep(structured, mask) as Record<string, unknown> };
}

export function toolError(message: string, masks: readonly Masker[] = []): CallToolResult {
  return { content: [{ type: 'text', text: combineMasks(masks)(message) }], isError: true };
}
