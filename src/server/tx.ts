// What every domain's service.ts shares: the transaction type and options, and the Prisma
// errors it turns into messages (a unique key taken; a conditional write that matched nothing).
// No "server-only" marker: the command-line scripts (user:create, db:seed) load services too.
import { Prisma } from "@/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/** Interactive transactions wait for and hold the embedded database's one session at most this long. */
export const TX_OPTIONS = { timeout: 20_000, maxWait: 20_000 } as const;

/** A unique constraint refused the row (P2002). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** A conditional update or delete matched no row (P2025): for `where { id, version }`, someone else changed it. */
export function isNoMatch(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025";
}

/** A date as "YYYY-MM-DD" for the audit log, or null. */
export function auditDay(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}
