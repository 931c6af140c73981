// The Handoff MCP server: the tools and the prompt over the project layer, each tool's input
// validated by its schema, its result masked, a refusal answered as a tool error. Transport-free:
// main.ts connects it to stdio, tests may connect it to anything.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { z } from 'zod';
import { McpContext, ToolRefusal, type ServerOptions } from './context';
import { writeArgs, writeInstructions } from './prompt';
import { toolError } from './result';
import { briefTool } from './tools/brief';
import { fixTool } from './tools/fix';
import { lintTool } from './tools/lint';
import { newTool } from './tools/new';
import { outlineTool } from './tools/outline';
import type { ToolDefinition } from './tools/tool';
import { updateTool } from './tools/update';
import { ConfigError } from '../project/root-configs';
import { VERSION } from '../version';

const TOOLS: ReadonlyArray<ToolDefinition<any>> = [lintTool, fixTool, updateTool, outlineTool, briefTool, newTool];

export function createServer(options: ServerOptions): McpServer {
  const ctx = new McpContext(options);
  const server = new McpServer({ name: 'handoff', version: VERSION }, { instructions: 'Handoff checks, fixes and refreshes session handoff notes (HANDOFF.md and the like) and roadmaps. At the start of a session call handoff_brief; before ending one, handoff_update then handoff_lint on the note.' });
  for (const tool of TOOLS) {
    server.registerTool(tool.name, { title: tool.title, description: tool.description, inputSchema: tool.inputSchema, outputSchema: tool.outputSchema, annotations: tool.annotations }, async (input: z.infer<z.ZodObject<Record<string, z.ZodType>>>) => {
      try {
        return await tool.run(ctx, input);
      } catch (error) {
        if (error instanceof ToolRefusal || error instanceof ConfigError) return toolError(error.message);
        throw error;
      }
    });
  }
  server.registerPrompt('handoff_write', { title: 'Write a handoff note', description: "The sections and fields the note's dialect expects, in order, and how to check the note", argsSchema: writeArgs }, ({ dialect }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: writeInstructions(ctx, dialect) } }],
  }));
  return server;
}
