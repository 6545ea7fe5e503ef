// Guarantees a park official would check by hand, each written against a one-line bug that once
// went unnoticed (see CONTRIBUTING.md, "Planting a bug"): plant the bug and the test fails.
import { describe, expect, it } from "vitest";
import { reviewMonthlyReport, saveMonthlyReport } from "@/server/monthly-reports/service";
import { createProject } from "@/server/projects/service";
import { setPlanEntries } from "@/server/plans/service";
import { createIssue } from "@/server/issues/service";
import { actorForToken } from "@/server/auth/sessions";
import { publishedIfNow } from "../helpers/publication";
import { listIssues } from "@/server/issues/queries";
import { getReadPublication } from "@/server/periods/queries";
import { getPublicationTotals, listFigures } from "@/server/figures/queries";
import { planEntriesSchema, projectSchema } from "@/lib/schemas/project";
import { createIssueSchema } from "@/lib/schemas/issue";
import { ConflictError, StateError } from "@/server/errors";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { sessionToken, type Actors } from "../helpers/actors";
import { monthlyReportForm as report } from "../helpers/monthly-report";

let t: TestDatabase;
let a: Actors;
useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

const reportRow = (code: string, month: string) => t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month } });

describe("review", () => {
  it("a report that was only saved (not submitted) cannot be approved, and nothing changes", async () => {
    const saved = await saveMonthlyReport(t.prisma, a.huitong, report({ intent: "save" }));
    const before = await reportRow("YQ2024-001", "2024-12");
    await expect(reviewMonthlyReport(t.prisma, a.admin, { reportId: saved.reportId, version: before.version, decision: "approve", reason: "" })).rejects.toBeInstanceOf(StateError);
    const after = await reportRow("YQ2024-001", "2024-12");
    expect(after.status).toBe("DRAFT");
    expect(after.approvedRevisionId).toBeNull();
  });

  it("approving from a page opened before the county's correction is refused as a conflict", async () => {
    const draft = await reportRow("YQ2024-001", "2024-12");
    await saveMonthlyReport(t.prisma, a.huitong, report({ version: String(draft.version) }));
    const submitted = await reportRow("YQ2024-001", "2024-12");
    await expect(reviewMonthlyReport(t.prisma, a.admin, { reportId: submitted.id, version: submitted.version - 1, decision: "approve", reason: "" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await reportRow("YQ2024-001", "2024-12")).status).toBe("SUBMITTED");
  });

  it("returning a report does not apply its start month to the project; approving one sets a not-started project 在建", async () => {
    const p = await createProject(
      t.prisma,
      a.admin,
      projectSchema.parse({ code: "YQ2024-090", version: "0", name: "待开工项目", parkId: String(a.huitong.parkId), totalInvestment: "1000", status: "NOT_STARTED" }),
    );
    await t.prisma.annualPlanEntry.create({ data: { planId: (await t.prisma.annualPlan.findFirstOrThrow()).id, projectId: p.id, sortOrder: 99 } });
    const first = await saveMonthlyReport(
      t.prisma,
      a.huitong,
      report({ projectCode: "YQ2024-090", month: "2024-12", monthInvestment: "10", cumulativeInvestment: "10", actualStartMonth: "2024-12" }),
    );
    await reviewMonthlyReport(t.prisma, a.admin, {
      reportId: first.reportId,
      version: (await reportRow("YQ2024-090", "2024-12")).version,
      decision: "return",
      reason: "请附开工证明",
    });
    let project = await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-090" } });
    expect([project.status, project.actualStartMonth]).toEqual(["NOT_STARTED", null]);
    await saveMonthlyReport(
      t.prisma,
      a.huitong,
      report({
        projectCode: "YQ2024-090",
        month: "2024-12",
        monthInvestment: "10",
        cumulativeInvestment: "10",
        actualStartMonth: "2024-12",
        version: String((await reportRow("YQ2024-090", "2024-12")).version),
      }),
    );
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: first.reportId, version: (await reportRow("YQ2024-090", "2024-12")).version, decision: "approve", reason: "" });
    project = await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-090" } });
    expect([project.status, project.actualStartMonth]).toEqual(["UNDER_CONSTRUCTION", "2024-12"]);
  });
});

describe("figures", () => {
  it("a draft never counts in the figures leaders read", async () => {
    const publication = (await getReadPublication(t.prisma, 2024))!;
    const read = () => getPublicationTotals(t.prisma, { publicationId: publication.publicationId, month: publication.month });
    const before = (await read()).cumulative;
    const nov = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-004" }, month: "2024-11" }, include: { approvedRevision: true } });
    const previous = nov.approvedRevision!.cumulativeInvestment;
    await saveMonthlyReport(
      t.prisma,
      a.admin,
      report({ projectCode: "YQ2024-004", monthInvestment: "50000", cumulativeInvestment: previous.plus(50000).toString(), intent: "save" }),
    );
    const drafts = await t.prisma.monthlyReport.count({ where: { status: "DRAFT" } });
    expect(drafts).toBeGreaterThan(0);
    expect((await read()).cumulative).toBe(before);
  });

  it("a project started in the deadline's month counts as 按期开工; one started the month after does not", async () => {
    const plan = await t.prisma.annualPlan.findFirstOrThrow({ where: { year: 2024 } });
    const deadlineMonth = plan.startDeadline.toISOString().slice(0, 7);
    const startedByDeadline = async () => (await publishedIfNow(t.prisma, "2024-11", "2024-12-10")).totals.startedByDeadline;
    const base = await startedByDeadline();
    await t.prisma.project.update({ where: { code: "YQ2024-003" }, data: { actualStartMonth: deadlineMonth } });
    expect(await startedByDeadline()).toBe(base + 1);
    const [y, m] = deadlineMonth.split("-").map(Number);
    const after = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    await t.prisma.project.update({ where: { code: "YQ2024-003" }, data: { actualStartMonth: after } });
    expect(await startedByDeadline()).toBe(base);
  });

  it("an issue due today is not overdue; one due yesterday is", async () => {
    const today = "2024-12-10";
    const due = async (dueDate: string, title: string) =>
      createIssue(
        t.prisma,
        a.admin,
        createIssueSchema.parse({ projectCode: "YQ2024-004", category: "FACTOR", subCategory: "LAND", title, description: "测试", raisedDate: "2024-12-01", dueDate }),
      );
    await due("2024-12-10", "今天到期的问题");
    await due("2024-12-09", "昨天到期的问题");
    const rows = await listIssues(t.prisma, { year: 2024, today });
    const overdue = (title: string) => rows.find((r) => r.title === title)!.overdue;
    expect(overdue("今天到期的问题")).toBe(false);
    expect(overdue("昨天到期的问题")).toBe(true);
  });

  it("searching for % finds only names that contain a percent sign", async () => {
    const publicationId = (await getReadPublication(t.prisma, 2024))!.publicationId;
    expect((await listFigures(t.prisma, { publicationId, q: "%", page: 1, size: 20 })).total).toBe(0);
    expect((await listFigures(t.prisma, { publicationId, q: "_", page: 1, size: 20 })).total).toBe(0);
    expect((await listFigures(t.prisma, { publicationId, q: "中伟", page: 1, size: 20 })).total).toBe(1);
  });
});

describe("concurrent admins and sessions", () => {
  it("a second admin saving the plan list from an older page is refused; the first one's list stays", async () => {
    const plan = await t.prisma.annualPlan.findFirstOrThrow({ where: { year: 2024 } });
    const stamp = plan.updatedAt.toISOString();
    const entries = await t.prisma.annualPlanEntry.findMany({ where: { planId: plan.id }, include: { project: true } });
    const all = Object.fromEntries(entries.map((e) => [`on_${e.project.code}`, "on"]));
    const { ["on_YQ2024-004"]: _dropped, ...withoutFour } = all;
    await setPlanEntries(t.prisma, a.admin, planEntriesSchema.parse({ year: "2024", stamp, ...withoutFour }));
    await expect(setPlanEntries(t.prisma, a.admin, planEntriesSchema.parse({ year: "2024", stamp, ...all }))).rejects.toBeInstanceOf(ConflictError);
    const codes = (await t.prisma.annualPlanEntry.findMany({ where: { planId: plan.id }, include: { project: true } })).map((e) => e.project.code);
    expect(codes).not.toContain("YQ2024-004");
  });

  it("an expired session is not accepted", async () => {
    const token = await sessionToken(t.prisma, a.leader);
    expect(await actorForToken(t.prisma, token)).not.toBeNull();
    await t.prisma.session.updateMany({ where: { userId: a.leader.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorForToken(t.prisma, token)).toBeNull();
  });
});
