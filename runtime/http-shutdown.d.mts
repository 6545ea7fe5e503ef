import type { Server } from "node:http";
export function gracefulClose(server: Server, options: { graceMs: number }): Promise<"drained" | "timeout">;
