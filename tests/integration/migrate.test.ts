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
  });
});
