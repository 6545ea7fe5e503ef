// The migration that freezes publications (20261206170000_frozen_publications) on a database that
// already has a publication: its figures get the project's and the park's facts as they were when
// the migration ran, the publication stays unchangeable, and it has no stored document inputs.
import { afterAll, describe, expect, it } from "vitest";
import { databaseBefore } from "../helpers/migrations";

const MIGRATION = "20261206170000_frozen_publications";

describe(`migration ${MIGRATION}`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("fills the facts of existing publications from the projects and parks, and keeps them unchangeable", async () => {
    const { client, run, drop } = await databaseBefore(MIGRATION);
    cleanups.push(drop);

    await client.query(`
      INSERT INTO "Park" (id, name, county, "sortOrder", "updatedAt") VALUES (1, '会同县园区', '会同县', 3, now());
      INSERT INTO "Project" (id, code, name, "parkId", "totalInvestment", enterprise, status, "constructionContent", "plannedStartMonth",
                             "actualStartMonth", "plannedProductionMonth", "responsibleLeader", "updatedAt")
        VALUES (1, 'YQ2024-001', '中伟新材料项目', 1, 330000, '中伟公司', 'UNDER_CONSTRUCTION', '建设厂房', '2024-03', '2024-09', '2025-06', '张三', now());
      INSERT INTO "ReportingPeriod" (id, month, deadline, status, "updatedAt") VALUES (1, '2024-11', '2024-12-05', 'PUBLISHED', now());
      INSERT INTO "PeriodPublication" (id, "periodId", "publicationNo", "asOfDate") VALUES (1, 1, 1, '2024-12-05');
      INSERT INTO "ProjectFigure" ("publicationId", "projectId", month, "planYear", "parkId", "totalInvestment", missing,
                                   "priorYearCumulative", "yearInvestment", "warningLevel", "warningReasons")
        VALUES (1, 1, '2024-11', 2024, 1, 330000, false, 0, 150000, 'GREEN', '{}');
      INSERT INTO "PublicationParkTotal" ("publicationId", "parkId", projects, "totalInvestment", "annualPlanned", "withAnnualPlan",
        "yearInvestmentOfPlanned", "yearInvestment", cumulative, started, "startedByDeadline", "inProduction", "inProductionByDeadline",
        missing, red, yellow, green, "demoFigures")
        VALUES (1, 1, 1, 330000, 0, 0, 0, 150000, 150000, 1, 0, 0, 0, 0, 0, 0, 1, 0);`);

    await run(MIGRATION);

    const figure = await client.query(`SELECT code, name, enterprise, "projectStatus"::text AS status, "constructionContent", "startMonth", "endMonth",
                                              "responsibleLeader", "openIssues" FROM "ProjectFigure"`);
    expect(figure.rows).toEqual([
      {
        code: "YQ2024-001",
        name: "中伟新材料项目",
        enterprise: "中伟公司",
        status: "UNDER_CONSTRUCTION",
        constructionContent: "建设厂房",
        startMonth: "2024-09",
        endMonth: "2025-06",
        responsibleLeader: "张三",
        openIssues: [],
      },
    ]);
    const park = await client.query(`SELECT "parkName", county, "parkSortOrder" FROM "PublicationParkTotal"`);
    expect(park.rows).toEqual([{ parkName: "会同县园区", county: "会同县", parkSortOrder: 3 }]);
    // still unchangeable, and no stored document inputs (its documents say so)
    await expect(client.query(`UPDATE "ProjectFigure" SET name = 'x'`)).rejects.toThrow(/published figures cannot be changed/);
    await expect(client.query(`UPDATE "PublicationParkTotal" SET "parkName" = 'x'`)).rejects.toThrow(/published figures cannot be changed/);
    expect((await client.query(`SELECT count(*)::int AS n FROM "PublicationDocumentInputs"`)).rows[0].n).toBe(0);
  });
});
