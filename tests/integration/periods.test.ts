// 调度期: open → submit → review → publish → re-open with a reason → republish. Published
// figures are what leaders read: only approved revisions count, a project that did not report
// is carried forward and marked 未报, and nothing that is not approved and published moves them.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
// the publish action runs against a database client the test chooses, as a signed-in user
import { request as h } from "../helpers/next-request";
import { saveMonthlyReport, reviewMonthlyReport } from "@/server/monthly-reports/service";
import { openPeriod, publishPeriod, reopenPeriod } from "@/server/periods/service";
import { getPeriod, getPeriodProgress, getReadPublication, getPublication, listUnapprovedProjects } from "@/server/periods/queries";
import { getMonthlySeries, getPublicationTotals, listFigures } from "@/server/figures/queries";
import { headlineFigures } from "@/domain/headline";
import { AuthError } from "@/server/auth/permissions";
import { StateError } from "@/server/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { actorsOf, sessionToken, type Actors } from "../helpers/actors";
import { monthlyReportForm as form } from "../helpers/monthly-report";
import { formData } from "../helpers/fingerprint";
import { atEveryStatement, faultyDb } from "../helpers/faults";
import { publishPeriodAction } from "@/server/periods/actions";
import { initialActionState, type ActionState } from "@/server/action-state";
import { CONNECTION_FAILURE_MESSAGE } from "@/server/db/connection-errors";
import { leftBehindConfirmation } from "../helpers/publication";

const TODAY = "2025-01-08";

describe("reporting periods and published figures", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

  const totals = async (month: string, publicationNo?: number) => {
    const pub = publicationNo ? await getPublication(t.prisma, month, publicationNo) : await getReadPublication(t.prisma, 2024, month);
    return getPublicationTotals(t.prisma, { publicationId: pub!.publicationId, month });
  };
  const version = async (month: string) => (await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month } })).version;
  const reportOf = (code: string, month: string) => t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month } });

  it("the seed report is published as 2024-11: 4 projects, 42.3亿元 this year, and the declared-plan inconsistency is flagged", async () => {
    const pub = await getReadPublication(t.prisma, 2024);
    expect(pub).toMatchObject({ month: "2024-11", publicationNo: 1, publishedBy: null });
    const sums = await totals("2024-11");
    expect(sums).toMatchObject({ projectCount: 4, yearInvestment: "423000", cumulative: "423000", missing: 0, projectsWithAnnualPlan: 0, started: 4 });
    const plan = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
    const h = headlineFigures(sums, {
      projectCount: plan.declaredProjectCount,
      totalInvestment: plan.declaredTotalInvestment,
      annualInvestment: plan.declaredAnnualInvestment,
    });
    expect(h.annualRate).toBeNull();
    expect(h.annualText).toContain("无法按同口径计算");
    expect(h.declaredInconsistency).toContain("42.3亿元");
    expect(h.declaredInconsistency).toContain("33.6亿元");
    expect(h.declaredInconsistency).toContain("请核实申报口径");
    expect(h.schedule.toFixed(1)).toBe("91.7");
  });

  it("a county cannot report into a published period", async () => {
    const r = await reportOf("YQ2024-001", "2024-11");
    await expect(
      saveMonthlyReport(t.prisma, a.huitong, form({ month: "2024-11", cumulativeInvestment: "150100", monthInvestment: "100", explanation: "更正", version: String(r.version) })),
    ).rejects.toThrow("2024年11月已发布；本月数据只读。如需更正，请向园区申请重新开放。");
  });

  it("drafts, submissions and returns of the next open month leave the published figures unchanged", async () => {
    const before = await totals("2024-11");
    const draft = await saveMonthlyReport(t.prisma, a.huitong, form({ intent: "save" }));
    expect(draft.status).toBe("DRAFT");
    const submitted = await saveMonthlyReport(t.prisma, a.dongkou, form({ projectCode: "YQ2024-002", cumulativeInvestment: "175000", monthInvestment: "5000" }));
    const r = await reportOf("YQ2024-002", "2024-12");
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: submitted.reportId, version: r.version, decision: "return", reason: "与财务数不符" });
    expect(await totals("2024-11")).toEqual(before);
    expect((await getReadPublication(t.prisma, 2024))!.month).toBe("2024-11");
  });

  it("the open period's progress counts each park's reports, and lists the projects without an approved one", async () => {
    const progress = await getPeriodProgress(t.prisma, "2024-12");
    const byPark = Object.fromEntries(progress.map((p) => [p.parkName, p]));
    expect(byPark["会同县园区"]).toMatchObject({ projects: 1, draft: 1, missing: 0 });
    expect(byPark["洞口县园区"]).toMatchObject({ projects: 1, returned: 1 });
    expect(byPark["溆浦县园区"]).toMatchObject({ projects: 1, missing: 1 });
    const missing = await listUnapprovedProjects(t.prisma, "2024-12", { page: 1, size: 2 });
    expect(missing.total).toBe(4);
    expect(missing.rows).toHaveLength(2);
  });

  it("publishing waits for reviews; only the office may publish; a published month carries forward the projects that did not report", async () => {
    // huitong submits and the office approves; dongkou's stays returned; the others never report
    const draft = await reportOf("YQ2024-001", "2024-12");
    await saveMonthlyReport(t.prisma, a.huitong, form({ version: String(draft.version) }));
    await expect(publishPeriod(t.prisma, a.admin, { month: "2024-12", version: await version("2024-12") }, TODAY)).rejects.toThrow(/1份报表等待审核/);
    const submitted = await reportOf("YQ2024-001", "2024-12");
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: submitted.id, version: submitted.version, decision: "approve", reason: "" });

    for (const who of [a.huitong, a.leader]) {
      await expect(publishPeriod(t.prisma, who, { month: "2024-12", version: await version("2024-12") }, TODAY)).rejects.toBeInstanceOf(AuthError);
    }
    await expect(publishPeriod(t.prisma, a.admin, { month: "2024-12", version: 0 }, TODAY)).rejects.toThrow(/已被其他人更改/);
    const result = await publishPeriod(
      t.prisma,
      a.admin,
      { month: "2024-12", version: await version("2024-12"), leftBehind: await leftBehindConfirmation(t.prisma, "2024-12") },
      TODAY,
    );
    expect(result).toEqual({ publicationNo: 1, projects: 4 });

    const dec = await totals("2024-12");
    // 150,000 → 155,000 for 中伟; the other three carried forward from November
    expect(dec).toMatchObject({ projectCount: 4, cumulative: "428000", yearInvestment: "428000", missing: 3 });
    const { rows } = await listFigures(t.prisma, { publicationId: (await getReadPublication(t.prisma, 2024))!.publicationId, page: 1, size: 10, warning: "stale" });
    expect(rows.map((r) => [r.code, r.figureMonth, r.cumulative, r.monthInvestment])).toEqual([
      ["YQ2024-002", "2024-11", "170000", null],
      ["YQ2024-003", "2024-11", "56000", null],
      ["YQ2024-004", "2024-11", "47000", null],
    ]);
    expect(rows.every((r) => r.warningReasons.includes("2024年12月未报"))).toBe(true);

    // the month chart never falls when projects only add reports
    const series = await getMonthlySeries(t.prisma, 2024, (await getReadPublication(t.prisma, 2024))!.publicationId);
    expect(series.filter((p) => p.actual !== null).map((p) => [p.month, p.actual, p.missing])).toEqual([
      ["2024-11", "423000", 0],
      ["2024-12", "428000", 3],
    ]);
    expect((await getReadPublication(t.prisma, 2024))!.month).toBe("2024-12");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "period.publish", entityId: "2024-12" } });
    expect(audit).toMatchObject({ actor: "admin", after: { status: "PUBLISHED", publicationNo: 1, projects: 4 } });
  });

  it("re-opening needs a reason; a submitted correction, even approved, changes nothing until republished; the earlier publication stays readable", async () => {
    await expect(reopenPeriod(t.prisma, a.huitong, { month: "2024-12", version: await version("2024-12"), reason: "更正数据", reauthPassword: "demo2024" })).rejects.toBeInstanceOf(
      AuthError,
    );
    await reopenPeriod(t.prisma, a.admin, { month: "2024-12", version: await version("2024-12"), reason: "中伟项目更正本月投资", reauthPassword: "demo2024" });
    const period = await getPeriod(t.prisma, "2024-12");
    expect(period).toMatchObject({ status: "OPEN", reopenReason: "中伟项目更正本月投资" });
    // leaders keep reading publication 1 while the correction is under way
    expect(await getReadPublication(t.prisma, 2024)).toMatchObject({ month: "2024-12", publicationNo: 1, periodReopened: true });

    const r = await reportOf("YQ2024-001", "2024-12");
    await saveMonthlyReport(t.prisma, a.huitong, form({ monthInvestment: "8000", cumulativeInvestment: "158000", version: String(r.version) }));
    expect(await totals("2024-12")).toMatchObject({ cumulative: "428000" });
    const corrected = await reportOf("YQ2024-001", "2024-12");
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: corrected.id, version: corrected.version, decision: "approve", reason: "" });
    expect(await totals("2024-12")).toMatchObject({ cumulative: "428000" });

    const again = await publishPeriod(
      t.prisma,
      a.admin,
      { month: "2024-12", version: await version("2024-12"), leftBehind: await leftBehindConfirmation(t.prisma, "2024-12") },
      TODAY,
    );
    expect(again.publicationNo).toBe(2);
    expect(await totals("2024-12")).toMatchObject({ cumulative: "431000" });
    expect(await totals("2024-12", 1)).toMatchObject({ cumulative: "428000" });
    const second = await getPublication(t.prisma, "2024-12", 2);
    expect(second).toMatchObject({ reopenReason: "中伟项目更正本月投资", periodReopened: false });
    expect(await getPublication(t.prisma, "2024-12", 1)).toMatchObject({ periodReopened: true });

    const actions = await t.prisma.auditLog.findMany({ where: { entity: "ReportingPeriod", entityId: "2024-12" }, orderBy: { id: "asc" } });
    expect(actions.map((x) => x.action)).toEqual(["period.publish", "period.reopen", "period.publish"]);
    expect(actions[1].after).toMatchObject({ reason: "中伟项目更正本月投资" });
  });

  it("the stored park sums equal the sums of the publication's project figures", async () => {
    for (const pub of await t.prisma.periodPublication.findMany()) {
      const [direct] = await t.prisma.$queryRaw<Array<{ n: number; cumulative: string; year: string; missing: number }>>`
        SELECT count(*)::int AS n, coalesce(sum(cumulative), 0)::text AS cumulative, coalesce(sum("yearInvestment"), 0)::text AS year,
               count(*) FILTER (WHERE missing)::int AS missing
          FROM "ProjectFigure" WHERE "publicationId" = ${pub.id}`;
      const stored = await getPublicationTotals(t.prisma, { publicationId: pub.id, month: "2024-12" });
      expect([stored.projectCount, Number(stored.cumulative), Number(stored.yearInvestment), stored.missing]).toEqual([
        direct.n,
        Number(direct.cumulative),
        Number(direct.year),
        direct.missing,
      ]);
    }
  });

  it("published figures cannot be changed in the database", async () => {
    await expect(t.prisma.$executeRaw`UPDATE "ProjectFigure" SET cumulative = 0`).rejects.toThrow();
  });

  it("a re-open without a reason, or of a period that is open, is refused", async () => {
    await expect(reopenPeriod(t.prisma, a.admin, { month: "2024-10", version: 1, reason: "原因说明", reauthPassword: "demo2024" })).rejects.toThrow(/不存在/);
    await openPeriod(t.prisma, a.admin, { month: "2025-01", deadline: "2025-02-10" });
    const jan = await getPeriod(t.prisma, "2025-01");
    expect(jan).toMatchObject({ status: "OPEN" });
    expect(jan!.deadline.toISOString().slice(0, 10)).toBe("2025-02-10");
    await expect(reopenPeriod(t.prisma, a.admin, { month: "2025-01", version: jan!.version, reason: "原因说明", reauthPassword: "demo2024" })).rejects.toBeInstanceOf(StateError);
  });
});

describe("published figures of the demo set", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("demo");
  });
  afterAll(async () => t?.drop());

  it("every month of 2024 up to November is published, December is open with one report awaiting review", async () => {
    const periods = await t.prisma.reportingPeriod.findMany({ orderBy: { month: "asc" } });
    expect(periods.filter((p) => p.status === "PUBLISHED").map((p) => p.month)).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"].map((m) => `2024-${m}`));
    expect(periods.at(-1)).toMatchObject({ month: "2024-12", status: "OPEN" });
    expect(await getReadPublication(t.prisma, 2024)).toMatchObject({ month: "2024-11" });
  });

  it("the plan line is the sum of the projects' 倒排工期 for each month, and the actual line never falls", async () => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    const series = await getMonthlySeries(t.prisma, 2024, pub.publicationId);
    const planned = await t.prisma.$queryRaw<Array<{ month: string; planned: string }>>`
      SELECT month, sum("cumulativePlanned")::text AS planned FROM "PlannedInvestment" WHERE month LIKE '2024-%' GROUP BY month ORDER BY month`;
    expect(series.filter((p) => p.planned !== null).map((p) => [p.month, Number(p.planned)])).toEqual(planned.map((p) => [p.month, Number(p.planned)]));
    const actual = series.filter((p) => p.actual !== null).map((p) => Number(p.actual));
    expect(actual).toHaveLength(11);
    for (let i = 1; i < actual.length; i++) expect(actual[i]).toBeGreaterThanOrEqual(actual[i - 1]);
  });

  it("a submitted December report changes nothing leaders read", async () => {
    const sums = await getPublicationTotals(t.prisma, { publicationId: (await getReadPublication(t.prisma, 2024))!.publicationId, month: "2024-11" });
    expect(sums.projectCount).toBe(10);
    expect(sums.missing).toBe(2);
    expect(await t.prisma.monthlyReport.count({ where: { month: "2024-12", status: "SUBMITTED" } })).toBe(1);
  });
});

describe(`a publication whose database connection is lost, or whose server process is killed (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  const MONTH = "2024-12";
  let t: TestDatabase;
  let a: Actors;
  let listed: number;
  let parks: number;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    a = await actorsOf(t.prisma);
    const draft = await saveMonthlyReport(t.prisma, a.huitong, form());
    const report = await t.prisma.monthlyReport.findUniqueOrThrow({ where: { id: draft.reportId } });
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: report.id, version: report.version, decision: "approve", reason: "" });
    h.token = await sessionToken(t.prisma, a.admin);
    const entries = await t.prisma.annualPlanEntry.findMany({ where: { plan: { year: 2024 } }, include: { project: true } });
    listed = entries.length;
    parks = new Set(entries.map((e) => e.project.parkId)).size;
    vi.spyOn(console, "warn").mockImplementation(() => {}); // the action logs each lost connection
  });
  afterAll(async () => t?.drop());

  /** Everything a publication writes, read in one snapshot (a server may still be committing). */
  const snapshot = () =>
    t.prisma.$transaction(
      async (tx) => {
        const period = await tx.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
        const publications = await tx.periodPublication.findMany({
          where: { periodId: period.id },
          orderBy: { publicationNo: "asc" },
          include: { _count: { select: { figures: true, publicationParkTotals: true } } },
        });
        return {
          status: period.status,
          readNo: publications.find((p) => p.id === period.currentPublicationId)?.publicationNo ?? null,
          publications: publications.map((p) => ({ no: p.publicationNo, figures: p._count.figures, parkTotals: p._count.publicationParkTotals })),
          audits: await tx.auditLog.count({ where: { action: "period.publish", entityId: MONTH } }),
        };
      },
      { isolationLevel: "RepeatableRead" },
    );
  type Snapshot = Awaited<ReturnType<typeof snapshot>>;
  /** The same period published once more, whole: every project's figures and every park's sums. */
  const publishedWhole = (before: Snapshot): Snapshot => {
    const no = before.publications.length + 1;
    return { status: "PUBLISHED", readNo: no, publications: [...before.publications, { no, figures: listed, parkTotals: parks }], audits: before.audits + 1 };
  };

  it("lost at any statement: published whole or still open with nothing of it, the office is told; then it publishes", async () => {
    const before = await snapshot();
    expect(before).toEqual({ status: "OPEN", readNo: null, publications: [], audits: 0 });
    const f = faultyDb(t.url);
    h.prisma = f.prisma;
    try {
      const publish = async () =>
        publishPeriodAction(initialActionState, formData({ month: MONTH, version: String(await version()), leftBehind: await leftBehindConfirmation(t.prisma, MONTH) }));
      const version = async () => (await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } })).version;
      if (process.env.DATABASE_URL) {
        f.arm({ at: { afterBegin: 5 }, kind: "terminate" });
        expect(await publish()).toMatchObject({ ok: false, message: CONNECTION_FAILURE_MESSAGE.lost });
        expect(f.fired).toBe(true);
        expect(await snapshot()).toEqual(before);
      }
      const { result, statements } = await atEveryStatement(f, "cut", publish, async (moment, answer: ActionState, statement) => {
        expect(answer, moment).toMatchObject({ ok: false, message: CONNECTION_FAILURE_MESSAGE[statement === "COMMIT" ? "commit-unknown" : "lost"] });
        expect(await snapshot(), moment).toEqual(before);
      });
      expect(statements).toBeGreaterThan(10);
      expect(result).toEqual({ ok: true, message: `2024年12月调度已发布（第1次发布，${listed}个项目）。领导看到的数据已更新。` });
      expect(await snapshot()).toEqual(publishedWhole(before));
    } finally {
      await f.disconnect();
    }
  });

  it("the server process killed at several moments: the period is published whole or still open, never half, and the database answers on", async () => {
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
    if (period.status === "PUBLISHED") await reopenPeriod(t.prisma, a.admin, { month: MONTH, version: period.version, reason: "中伟项目更正本月投资", reauthPassword: "demo2024" });
    const before = await snapshot();
    const moments: Array<[string, RegExp, "before" | "sent"]> = [
      ["before the first statement of its transaction", /^SELECT \* FROM "ReportingPeriod" WHERE month = \$1 FOR UPDATE/, "before"],
      ["before writing the project figures", /^INSERT INTO "ProjectFigure"/, "before"],
      ["while writing the project figures", /^INSERT INTO "ProjectFigure"/, "sent"],
      ["before writing the park sums", /^WITH pm AS/, "before"],
      ["just before COMMIT", /^COMMIT$/, "before"],
      ["with COMMIT on its way", /^COMMIT$/, "sent"], // either outcome, never half
    ];
    for (const [moment, pattern, mode] of moments) {
      const version = (await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } })).version;
      const reached = await killPublicationAt(t.url, version, pattern, mode);
      const after = await settles(snapshot(), `the database answering after the kill ${moment}`);
      if (mode === "before") expect(after, `${moment}: ${reached}`).toEqual(before);
      else expect([before, publishedWhole(before)], `${moment}: ${reached}`).toContainEqual(after);
      if (after.status === "PUBLISHED") return; // COMMIT arrived before the process died
    }
    // still open after every kill: the office publishes on a good connection, whole
    await settles(
      publishPeriod(
        t.prisma,
        a.admin,
        {
          month: MONTH,
          version: (await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } })).version,
          leftBehind: await leftBehindConfirmation(t.prisma, MONTH),
        },
        TODAY,
      ),
      "publishing afterwards",
    );
    expect(await snapshot()).toEqual(publishedWhole(before));
  }, 300_000);
});

/** Rejects when `promise` has not settled after a long while: a hang fails the test instead of stalling it. */
function settles<T>(promise: Promise<T>, what: string, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`never settled: ${what}`)), ms)));
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

/**
 * Runs the publication in a process of its own (tests/helpers/publish-child.ts) and kills it
 * with SIGKILL before or after it sends its first statement matching `pattern`, as an operating
 * system ends a server process: no handler runs, the connection just closes. Returns the line
 * the process announced the moment with.
 */
async function killPublicationAt(url: string, version: number, pattern: RegExp, mode: "before" | "sent"): Promise<string> {
  const root = path.resolve(import.meta.dirname, "../..");
  // tsx as a loader in this one process (its CLI would run the script in a grandchild that SIGKILL does not reach)
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "tests/helpers/publish-child.ts"), url, "2024-12", "admin", TODAY, String(version), pattern.source, mode],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const reached = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^(paused|sent) .*$/m.exec(output);
      if (line) resolve(line[0]);
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the publication process ended without reaching ${pattern}:\n${output}`)));
  });
  try {
    return await settles(reached, `the publication process reaching ${pattern}`, 120_000);
  } finally {
    child.kill("SIGKILL");
    await exited;
  }
}
