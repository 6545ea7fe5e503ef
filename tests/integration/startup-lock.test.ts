// Several app servers started at the same moment on one empty PostgreSQL database: each `npm
// start` prepares the database (runtime/prepare-database.ts: migrations, the first seeding) under
// the start-up lock, so both start and the seed is there once. Without the lock the second
// seeding failed with "Unique constraint failed on the fields: (`year`)".
// PostgreSQL only: the embedded database is opened by one process (its data folder is locked),
// and its socket serves every client on PGlite's one session, where an advisory lock excludes no one.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../src/server/db/client";
import { prepareDatabase } from "../../runtime/prepare-database";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-db";

describe.skipIf(!process.env.DATABASE_URL)("start-up of several servers on one empty database", () => {
  let database: EmptyDatabase | null = null;
  afterAll(async () => {
    await database?.drop();
  });

  it("migrates and seeds once; every server starts", { timeout: 300_000 }, async () => {
    database = await createEmptyDatabase();
    const env = { DEMO_DATA: process.env.DEMO_DATA, DEMO_ACCOUNTS: process.env.DEMO_ACCOUNTS, SEED_ON_START: process.env.SEED_ON_START };
    Object.assign(process.env, { DEMO_DATA: "false", DEMO_ACCOUNTS: "true", SEED_ON_START: "true" });
    const lines: string[][] = [[], []];
    try {
      const results = await Promise.allSettled(
        [0, 1].map((i) =>
          prepareDatabase({ kind: "postgres", url: database!.url }, undefined, (line) => {
            lines[i].push(line);
          }),
        ),
      );
      expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok"]);
    } finally {
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    // one of them seeded, the other waited for it and found the database ready
    const seeded = lines.map((l) => l.some((line) => line.startsWith("空数据库，已导入种子数据")));
    expect(seeded.filter(Boolean)).toHaveLength(1);
    expect(lines[seeded.indexOf(false)]).toContain("另一台应用服务正在准备同一数据库（迁移、初始数据），等待其完成…");

    const prisma = createPrismaClient(database.url, 2);
    try {
      expect(await prisma.annualPlan.count()).toBe(1);
      const accounts = await prisma.user.groupBy({ by: ["username"], _count: true });
      expect(accounts.length).toBeGreaterThan(0);
      expect(accounts.every((a) => a._count === 1)).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });
});
