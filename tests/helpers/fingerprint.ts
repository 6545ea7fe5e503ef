// A snapshot of everything a write could touch, to prove that a refused or invalid request
// changed nothing: row counts of every table and the full rows of the editable ones. One
// statement (a round trip, not forty: the authorization matrix takes hundreds of snapshots);
// each table's rows as a digest, so a failing comparison names the table that changed.
import type { Db } from "../../src/server/db/client";

/** Tables whose number of rows a refused request must not change. */
const COUNTED = [
  "AuditLog",
  "Issue",
  "IssueUpdate",
  "Project",
  "ProjectMetric",
  "PlannedInvestment",
  "Milestone",
  "AnnualPlanEntry",
  "User",
  "Session",
  "MonthlyReport",
  "MonthlyReportRevision",
  "ReportEvent",
  "PeriodPublication",
  "ProjectFigure",
  "PublicationParkTotal",
  "Photo",
  "RevisionPhoto",
  "RevisionQualityFlag",
  "ProjectStatsFigure",
  "ImportBatch",
  "CorrectionRequest",
  "BenefitReport",
  "BenefitRevision",
  "BenefitEvent",
];
/** Tables whose rows (every column, or the columns named) a refused request must not change. */
const ROWS: Record<string, string> = {
  Project: "x",
  ProjectMetric: "x",
  PlannedInvestment: "x",
  Milestone: "x",
  ProjectStatsFigure: "x",
  Issue: "x",
  User: "x",
  AnnualPlan: "x",
  AnnualPlanEntry: "x",
  MonthlyReport: "x",
  ReportingPeriod: "x",
  CorrectionRequest: "x",
  BenefitReport: "x",
  // an import's preview is kept as it was made; its state is what a refusal must leave alone
  ImportBatch: `(x.id, x.status, x."appliedAt")`,
};

const SQL = `SELECT json_build_object(${[
  ...COUNTED.map((table) => `'count ${table}', (SELECT count(*) FROM "${table}")`),
  ...Object.entries(ROWS).map(([table, row]) => `'rows ${table}', (SELECT md5(coalesce(string_agg(${row}::text, E'\\n' ORDER BY x.id), '')) FROM "${table}" x)`),
].join(", ")})::text AS fingerprint`;

export async function fingerprint(prisma: Db): Promise<string> {
  const [{ fingerprint }] = await prisma.$queryRawUnsafe<{ fingerprint: string }[]>(SQL);
  // one key a line, so that a failing toBe shows which table changed
  return JSON.stringify(JSON.parse(fingerprint), null, 1);
}

export function formData(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}
