// Reads for monthly reporting: what an actor has to report for a month, one project-month's
// entry with its history, and the review queue.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { parkScope } from "@/server/auth/permissions";
import { addMonths, currentMonth } from "@/lib/month";
import { previousCountedFigure } from "./counted-revision";

/** The month the reporting page opens on: this month, or the last month of the newest list before it. */
export async function defaultReportMonth(prisma: Db): Promise<string> {
  const now = currentMonth();
  const plan = await prisma.annualPlan.findFirst({ where: { year: { lte: Number(now.slice(0, 4)) } }, orderBy: { year: "desc" } });
  if (!plan || String(plan.year) === now.slice(0, 4)) return now;
  return `${plan.year}-12`;
}

/** Projects the actor reports for (own county park; all for admins) on `month`'s year list. */
export async function listReportingProjects(prisma: Db, actor: Actor, month: string) {
  const year = Number(month.slice(0, 4));
  const scope = parkScope(actor, "report.write");
  if (scope === undefined) return [];
  const projects = await prisma.project.findMany({
    where: {
      planEntries: { some: { plan: { year } } },
      ...(scope === null ? {} : { parkId: scope }),
    },
    orderBy: [{ park: { sortOrder: "asc" } }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      isDemo: true,
      park: { select: { name: true } },
      monthlyReports: {
        where: { month },
        select: { id: true, status: true, returnReason: true, currentRevision: { select: { cumulativeInvestment: true, monthInvestment: true } } },
      },
    },
  });
  return projects.map((p) => ({
    code: p.code,
    name: p.name,
    isDemo: p.isDemo,
    parkName: p.park.name,
    report: p.monthlyReports[0]
      ? {
          id: p.monthlyReports[0].id,
          status: p.monthlyReports[0].status,
          returnReason: p.monthlyReports[0].returnReason,
          cumulativeInvestment: p.monthlyReports[0].currentRevision?.cumulativeInvestment.toString() ?? null,
          monthInvestment: p.monthlyReports[0].currentRevision?.monthInvestment?.toString() ?? null,
        }
      : null,
  }));
}

export type ReportEntry = NonNullable<Awaited<ReturnType<typeof getReportEntry>>>;

/** One project-month: the project, the report with its revisions and events, and the previous month's figure. */
export async function getReportEntry(prisma: Db, code: string, month: string) {
  const project = await prisma.project.findUnique({
    where: { code },
    select: {
      id: true, code: true, name: true, parkId: true, totalInvestment: true, actualStartMonth: true,
      actualProductionMonth: true, status: true, park: { select: { name: true } },
    },
  });
  if (!project) return null;
  const [report, previous] = await Promise.all([
    prisma.monthlyReport.findUnique({
      where: { projectId_month: { projectId: project.id, month } },
      include: {
        revisions: { orderBy: { revisionNo: "desc" }, include: { createdBy: { select: { displayName: true } } } },
        events: { orderBy: { id: "desc" }, include: { user: { select: { displayName: true } } } },
      },
    }),
    previousCountedFigure(prisma, project.id, month),
  ]);
  return {
    project: { ...project, totalInvestment: project.totalInvestment.toString() },
    report: report && {
      id: report.id,
      status: report.status,
      version: report.version,
      returnReason: report.returnReason,
      currentRevisionId: report.currentRevisionId,
      approvedRevisionId: report.approvedRevisionId,
      revisions: report.revisions.map((r) => ({
        id: r.id,
        revisionNo: r.revisionNo,
        monthInvestment: r.monthInvestment?.toString() ?? null,
        cumulativeInvestment: r.cumulativeInvestment.toString(),
        progressText: r.progressText,
        actualStartMonth: r.actualStartMonth,
        actualProductionMonth: r.actualProductionMonth,
        explanation: r.explanation,
        createdBy: r.createdBy?.displayName ?? "系统导入",
        createdAt: r.createdAt,
      })),
      events: report.events.map((e) => ({
        id: e.id,
        action: e.action,
        toStatus: e.toStatus,
        reason: e.reason,
        by: e.user?.displayName ?? "系统",
        at: e.createdAt,
      })),
    },
    previous,
    previousMonth: addMonths(month, -1),
  };
}

/** Submitted months awaiting review, oldest first. */
export async function listReviewQueue(prisma: Db) {
  const reports = await prisma.monthlyReport.findMany({
    where: { status: "SUBMITTED" },
    orderBy: [{ updatedAt: "asc" }],
    include: {
      project: { select: { code: true, name: true, totalInvestment: true, park: { select: { name: true } } } },
      currentRevision: { include: { createdBy: { select: { displayName: true } } } },
      approvedRevision: true,
    },
  });
  return reports.map((r) => ({
    id: r.id,
    version: r.version,
    month: r.month,
    projectCode: r.project.code,
    projectName: r.project.name,
    parkName: r.project.park.name,
    totalInvestment: r.project.totalInvestment.toString(),
    monthInvestment: r.currentRevision?.monthInvestment?.toString() ?? null,
    cumulativeInvestment: r.currentRevision?.cumulativeInvestment.toString() ?? null,
    progressText: r.currentRevision?.progressText ?? "",
    explanation: r.currentRevision?.explanation ?? null,
    revisionNo: r.currentRevision?.revisionNo ?? null,
    isCorrection: r.approvedRevisionId !== null,
    previouslyApprovedCumulative: r.approvedRevision?.cumulativeInvestment.toString() ?? null,
    submittedBy: r.currentRevision?.createdBy?.displayName ?? null,
    submittedAt: r.currentRevision?.createdAt ?? null,
  }));
}

/** The reporting list of `month` and how many of its projects are submitted or approved. */
export async function getReportingList(prisma: Db, actor: Actor, month: string) {
  const projects = await listReportingProjects(prisma, actor, month);
  const done = projects.filter((p) => p.report && (p.report.status === "SUBMITTED" || p.report.status === "APPROVED")).length;
  return { projects, done };
}
