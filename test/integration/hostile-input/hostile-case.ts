import type { HostileStack } from './hostile-stack.js';

/** One bad input: how to send it, and the 4xx (and error code, where it is known) the server must answer. */
export interface HostileCase {
  name: string;
  send(stack: HostileStack): Promise<Response>;
  status: number;
  code?: string;
}
