// Counting the SQL statements a data function sends: a second Prisma client on the test's
// database with query events on (the app's createPrismaClient takes no log options).
import { PrismaClient } from "../../src/generated/prisma/client";
import { createAdapter } from "../../src/server/db/adapter";
import type { Db } from "../../src/server/db/client";

export type CountingClient = {
  prisma: Db;
  /** Runs `fn` and returns its result with the number of SQL statements it sent. */
  count<T>(fn: (prisma: Db) => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }>;
  disconnect(): Promise<void>;
};

export function countingClient(url: string): CountingClient {
  const client = new PrismaClient({ adapter: createAdapter(url, 2), log: [{ emit: "event", level: "query" }] });
  let log: string[] = [];
  client.$on("query", (e) => void log.push(e.query));
  const prisma = client as unknown as Db;
  return {
    prisma,
    async count(fn) {
      log = [];
      const result = await fn(prisma);
      const sql = log;
      log = [];
      return { result, statements: sql.length, sql };
    },
    disconnect: () => client.$disconnect(),
  };
}
