import type { Server } from "node:http";
export const KEEP_ALIVE_MS: number;
export function gracefulClose(server: Server, options: { graceMs: number }): Promise<"drained" | "timeout">;
