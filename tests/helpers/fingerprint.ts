// A snapshot of everything a write could touch, to prove that a refused or invalid request
// changed nothing: row counts of every table and the full rows of the editable ones.
import type { Db } from "../../src/server/db/client";

export async function fingerprint(prisma: Db): Promise<string> {
  const counts = {
    auditLog: await prisma.auditLog.count(),
    issue: await prisma.issue.count(),
    issueUpdate: await prisma.issueUpdate.count(),
    project: await prisma.project.count(),
    projectMetric: await prisma.projectMetric.count(),
    plannedInvestment: await prisma.plannedInvestment.count(),
    milestone: await prisma.milestone.count(),
    annualPlanEntry: await prisma.annualPlanEntry.count(),
    user: await prisma.user.count(),
    session: await prisma.session.count(),
    monthlyReport: await prisma.monthlyReport.count(),
    revision: await prisma.monthlyReportRevision.count(),
    reportEvent: await prisma.reportEvent.count(),
    publication: await prisma.periodPublication.count(),
    figure: await prisma.projectFigure.count(),
    parkTotal: await prisma.publicationParkTotal.count(),
    photo: await prisma.photo.count(),
    revisionPhoto: await prisma.revisionPhoto.count(),
    revisionQualityFlag: await prisma.revisionQualityFlag.count(),
    statsFigure: await prisma.projectStatsFigure.count(),
    importBatch: await prisma.importBatch.count(),
    correctionRequest: await prisma.correctionRequest.count(),
    benefitReport: await prisma.benefitReport.count(),
    benefitRevision: await prisma.benefitRevision.count(),
    benefitEvent: await prisma.benefitEvent.count(),
  };
  const rows = {
    projects: await prisma.project.findMany({ orderBy: { id: "asc" }, include: { metrics: true, plannedMonths: true, milestones: true, statsFigures: true } }),
    issues: await prisma.issue.findMany({ orderBy: { id: "asc" } }),
    users: await prisma.user.findMany({ orderBy: { id: "asc" } }),
    plans: await prisma.annualPlan.findMany({ orderBy: { id: "asc" }, include: { entries: { orderBy: { id: "asc" } } } }),
    reports: await prisma.monthlyReport.findMany({ orderBy: { id: "asc" } }),
    periods: await prisma.reportingPeriod.findMany({ orderBy: { id: "asc" } }),
    corrections: await prisma.correctionRequest.findMany({ orderBy: { id: "asc" } }),
    benefitReports: await prisma.benefitReport.findMany({ orderBy: { id: "asc" } }),
    importBatches: await prisma.importBatch.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, appliedAt: true } }),
  };
  return JSON.stringify({ counts, rows });
}

export function formData(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}
