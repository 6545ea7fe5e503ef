import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/db/client";
import { migrateDeploy, migrateStatus } from "@/server/db/runtime";
import { createEmptyDatabase } from "../helpers/db";

describe("migrations", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("apply to an empty database, and migrate status then reports the schema up to date", async () => {
    const database = await createEmptyDatabase();
    cleanups.push(database.drop);
    const applied = await migrateDeploy(database.url, true);
    expect(applied).toMatch(/All migrations have been successfully applied|No pending migrations/);
    const status = await migrateStatus(database.url, true);
    expect(status).toContain("Database schema is up to date!");
    // applying again is a no-op
    expect(await migrateDeploy(database.url, true)).toContain("No pending migrations to apply.");

    const prisma = createPrismaClient(database.url, 2);
    cleanups.unshift(() => prisma.$disconnect());
    const tables = await prisma.$queryRaw<Array<{ table_name: string }>>`
      SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "AnnualPlan",
        "AnnualPlanEntry",
        "AuditLog",
        "Issue",
        "IssueUpdate",
        "LoginAttempt",
        "Milestone",
        "MonthlyReport",
        "MonthlyReportRevision",
        "Park",
        "PlannedInvestment",
        "Project",
        "ProjectMetric",
        "ReportEvent",
        "ReportSection",
        "Session",
        "User",
        "_prisma_migrations",
      ]),
    );
    // the app's sessions run without the JIT compiler (migration 20261208060000_jit_off): stored
    // for the database; on PostgreSQL the client above opened its session after the migrations (the
    // embedded database, built without JIT, keeps the one session it started with)
    const [stored] = await prisma.$queryRaw<Array<{ config: string[] }>>`
      SELECT s.setconfig AS config FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
       WHERE d.datname = current_database() AND s.setrole = 0`;
    expect(stored?.config ?? []).toContain("jit=off");
    if (database.engine === "postgres") {
      const [jit] = await prisma.$queryRaw<Array<{ jit: string }>>`SELECT current_setting('jit') AS jit`;
      expect(jit.jit).toBe("off");
    }
  });
});
