// A stamp unique to each server render: live counts (src/components/common/live-count.tsx) drop
// what the page's own writes moved them by once the server renders them afresh.
import "server-only";
import { randomUUID } from "node:crypto";

export function renderStamp(): string {
  return randomUUID();
}
