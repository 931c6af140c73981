// What a tool is: its name, schemas and annotations as MCP lists them, and the function that runs
// it with validated input. A refusal is thrown as ToolRefusal and answered as a tool error.
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { McpContext } from '../context';

type Shape = Record<string, z.ZodType>;

export interface ToolDefinition<I extends Shape> {
  name: string;
  title: string;
  description: string;
  inputSchema: I;
  outputSchema: Shape;
  annotations: ToolAnnotations;
  run(ctx: McpContext, input: z.infer<z.ZodObject<I>>): Promise<CallToolResult>;
}
