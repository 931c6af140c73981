// The few VS Code APIs newer than engines.vscode (^1.90.0, and @types/vscode 1.90.0 with it)
// that Handoff uses when they are there: Language Model tools (1.95), MCP server definition
// providers (1.101) and the proposed Timeline API. Every member is optional: callers check at run time and skip the feature
// when the running VS Code lacks it. Shapes follow vscode.d.ts of those releases.
import type { CancellationToken, Command, Disposable, Event, MarkdownString, ProviderResult, ThemeIcon, Uri } from 'vscode';

export interface LanguageModelTextPart {
  value: string;
}

export interface LanguageModelToolResult {
  content: Array<LanguageModelTextPart | unknown>;
}

export interface LanguageModelToolInvocationOptions<T> {
  input: T;
  toolInvocationToken: unknown;
}

export interface LanguageModelToolInvocationPrepareOptions<T> {
  input: T;
}

export interface PreparedToolInvocation {
  invocationMessage?: string | MarkdownString;
  confirmationMessages?: { title: string; message: string | MarkdownString };
}

export interface LanguageModelTool<T> {
  invoke(options: LanguageModelToolInvocationOptions<T>, token: CancellationToken): ProviderResult<LanguageModelToolResult>;
  prepareInvocation?(options: LanguageModelToolInvocationPrepareOptions<T>, token: CancellationToken): ProviderResult<PreparedToolInvocation>;
}

export interface LanguageModelToolInformation {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: object | undefined;
  readonly tags: readonly string[];
}

export interface McpStdioServerDefinition {
  readonly label: string;
  cwd?: Uri;
  command: string;
  args: string[];
  env: Record<string, string | number | null>;
  version?: string;
}

export interface McpServerDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: Event<void>;
  provideMcpServerDefinitions(token: CancellationToken): ProviderResult<McpStdioServerDefinition[]>;
}

/** The parts of the `vscode` module this file describes, each absent on an older VS Code. */
export interface VscodeNext {
  LanguageModelTextPart?: new (value: string) => LanguageModelTextPart;
  LanguageModelToolResult?: new (content: LanguageModelTextPart[]) => LanguageModelToolResult;
  McpStdioServerDefinition?: new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => McpStdioServerDefinition;
  lm?: {
    registerTool?<T>(name: string, tool: LanguageModelTool<T>): Disposable;
    invokeTool?(name: string, options: LanguageModelToolInvocationOptions<object>, token?: CancellationToken): Thenable<LanguageModelToolResult>;
    readonly tools?: readonly LanguageModelToolInformation[];
    registerMcpServerDefinitionProvider?(id: string, provider: McpServerDefinitionProvider): Disposable;
  };
}

// The Timeline API (vscode.proposed.timeline.d.ts): a proposed API. VS Code offers it only to an
// extension whose manifest lists "timeline" in enabledApiProposals AND that runs where proposals
// are allowed (development mode of a non-stable build, or `--enable-proposed-api <id>`); elsewhere
// the function is there but throws. Items are plain objects.
export interface TimelineItem {
  timestamp: number;
  label: string;
  id?: string;
  iconPath?: ThemeIcon;
  description?: string;
  tooltip?: string | MarkdownString;
  command?: Command;
  contextValue?: string;
}

export interface TimelineChangeEvent {
  uri: Uri;
  reset?: boolean;
}

export interface Timeline {
  readonly paging?: { readonly cursor: string | undefined };
  readonly items: readonly TimelineItem[];
}

export interface TimelineOptions {
  cursor?: string;
  limit?: number | { timestamp: number; id?: string };
}

export interface TimelineProvider {
  readonly onDidChange?: Event<TimelineChangeEvent | undefined>;
  readonly id: string;
  readonly label: string;
  provideTimeline(uri: Uri, options: TimelineOptions, token: CancellationToken): ProviderResult<Timeline>;
}

/** `vscode.workspace` with the proposed member. */
export interface WorkspaceNext {
  registerTimelineProvider?(scheme: string | string[], provider: TimelineProvider): Disposable;
}
