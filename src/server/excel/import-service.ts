// Import of a monthly 调度表 (.xlsx): upload → preview → apply.
//
// previewImport reads the file (import-rows.ts, after zip-guard.ts), matches rows to projects by
// 项目代码, runs every row through the monthly form's own schema (monthlyReportSchema) and rules
// (src/domain/monthly-figures.ts) against the current figures, and says per row what would change.
// A file with any error is only shown, never stored; a clean one with changes is stored as an
// ImportBatch (PostgreSQL: app servers keep no state) awaiting apply.
//
// applyImport re-checks every row against the figures as they are then, inside ONE transaction,
// and writes one new SUBMITTED revision per changed row (awaiting the office's review, like a
// form's 提交审核) with its event and audit entry, plus the import's own audit entry (file name,
// SHA-256), and the 数据质量 flags of all those revisions in one pass (src/server/data-quality/checks.ts).
// Anything wrong rolls everything back. A row equal to the month's current revision
// changes nothing (re-importing the same file writes nothing).
//
// Row rules beyond the form's: a row whose 本月完成投资 is empty is not reported by the file and
// is skipped; when 累计 is empty or left as a template prefilled it (上期累计, or the month's own
// 累计 while 本月 changed), 累计 = 上期累计 + 本月 — so the same file imported again is unchanged.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { Prisma, type ReportStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/permissions";
import { writeAudit, writeAuditMany } from "@/server/audit/write";
import { storedAmount } from "@/server/audit/unchanged";
import { previousCountedFigures } from "@/server/monthly-reports/counted-revision";
import { monthlyReportErrors, submittedLockedMessage, expectedCumulative } from "@/domain/monthly-figures";
import { assertPeriodOpen } from "@/server/periods/service";
import { ConflictError, NotFoundError, StateError } from "@/server/errors";
import { type Tx, TX_OPTIONS } from "@/server/tx";
import { monthlyReportSchema, PROGRESS_STAGE_LIST, type MonthlyReportInput, type ProgressStageKey } from "@/lib/schemas/monthly-report";
import { PROGRESS_STAGE_LABEL } from "@/lib/labels";
import { flagSubmittedRevisions } from "@/server/data-quality/checks";
import { idField } from "@/lib/schemas/common";
import { currentMonth, formatMonth, isMonth } from "@/lib/month";
import { periodTitle } from "@/domain/periods";
import { formatWan } from "@/lib/money";
import { readScheduleFile, type CellText, type RawRow } from "./import-rows";
import { ImportFileError } from "./zip-guard";
import { H } from "./schedule";
import { FUNDS_COLUMNS, type FundsColumn } from "@/domain/funding-sources";
import { carriedFunds, type FundsValues } from "@/server/funding/carry";

export { ImportFileError };

/** Column names of the form's fields, for per-cell messages. */
const COLUMN: Record<string, string> = {
  projectCode: H.code,
  month: "月份",
  monthInvestment: H.month,
  cumulativeInvestment: H.cumulative,
  progressText: H.progress,
  progressStage: H.stage,
  explanation: "说明",
  actualStartMonth: "实际开工月份",
  actualProductionMonth: "实际投产月份",
  version: H.code,
  intent: H.code,
  fundsFiscal: H.fundsFiscal,
  fundsBond: H.fundsBond,
  fundsBank: H.fundsBank,
  fundsSelf: H.fundsSelf,
  fundsOther: H.fundsOther,
};

export type RowFigures = {
  monthInvestment: string | null;
  cumulativeInvestment: string | null;
  progressText: string | null;
};

export type PreviewRow = {
  rowNo: number;
  code: string;
  name: string | null;
  parkName: string | null;
  /** change: a new revision on apply; unchanged: equal to the month's current revision; skipped: 本月 empty */
  kind: "change" | "unchanged" | "skipped" | "error";
  errors: Array<{ column: string; message: string }>;
  notes: string[];
  /** the month's current revision (null: not reported yet) and its status */
  before: (RowFigures & { status: ReportStatus }) | null;
  /** the previous counted month's cumulative (上期累计) */
  previous: { month: string; cumulativeInvestment: string } | null;
  after:
    | (RowFigures & {
        explanation: string | null;
        actualStartMonth: string | null;
        actualProductionMonth: string | null;
        /** 形象进度阶段 (absent in batches stored before the column existed) */
        progressStage?: ProgressStageKey | null;
        /** 资金到位 by source as the revision will state it (absent in batches stored before the columns existed) */
        funds?: FundsValues;
      })
    | null;
  projectId: number | null;
  parkId: number | null;
  /** the report's version the preview was computed on (0: no report) */
  reportVersion: number;
};

export type Preview = {
  month: string;
  fileName: string;
  sha256: string;
  fileBytes: number;
  rows: PreviewRow[];
  counts: { change: number; unchanged: number; skipped: number; error: number };
};

export type PreviewResult = { ok: true; preview: Preview; batchId: number | null } | { ok: false; message: string; preview: Preview | null };

export const importUploadSchema = z.object({
  month: z.string().trim().refine(isMonth, "请选择填报月份（年-月）"),
});

type ProjectInfo = {
  id: number;
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  totalInvestment: Prisma.Decimal;
  firstListYear: number | null;
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
};
type ReportInfo = {
  projectId: number;
  id: number;
  status: ReportStatus;
  version: number;
  monthInvestment: Prisma.Decimal | null;
  cumulativeInvestment: Prisma.Decimal | null;
  progressText: string | null;
  progressStage: ProgressStageKey | null;
  explanation: string | null;
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
  currentRevisionId: number | null;
} & Record<FundsColumn, Prisma.Decimal | null>;

async function loadProjects(prisma: Db | Tx, codes: string[]): Promise<Map<string, ProjectInfo>> {
  const rows = await prisma.$queryRaw<ProjectInfo[]>(Prisma.sql`
    SELECT p.id, p.code, p.name, p."parkId", pk.name AS "parkName", p."totalInvestment", p."actualStartMonth", p."actualProductionMonth",
           (SELECT min(ap.year) FROM "AnnualPlanEntry" e JOIN "AnnualPlan" ap ON ap.id = e."planId" WHERE e."projectId" = p.id) AS "firstListYear"
      FROM "Project" p JOIN "Park" pk ON pk.id = p."parkId"
     WHERE p.code = ANY(${codes}::text[])`);
  return new Map(rows.map((r) => [r.code, r]));
}

async function loadReports(prisma: Db | Tx, projectIds: number[], month: string, lock: boolean): Promise<Map<number, ReportInfo>> {
  if (projectIds.length === 0) return new Map();
  if (lock) {
    await prisma.$queryRaw(Prisma.sql`
      SELECT id FROM "MonthlyReport" WHERE "projectId" = ANY(${projectIds}::int[]) AND month = ${month} ORDER BY id FOR UPDATE`);
  }
  const rows = await prisma.$queryRaw<ReportInfo[]>(Prisma.sql`
    SELECT r."projectId", r.id, r.status, r.version, r."currentRevisionId", rv."monthInvestment", rv."cumulativeInvestment",
           rv."progressText", rv."progressStage"::text AS "progressStage", rv.explanation, rv."actualStartMonth", rv."actualProductionMonth",
           rv."fundsFiscal", rv."fundsBond", rv."fundsBank", rv."fundsSelf", rv."fundsOther"
      FROM "MonthlyReport" r LEFT JOIN "MonthlyReportRevision" rv ON rv.id = r."currentRevisionId"
     WHERE r."projectId" = ANY(${projectIds}::int[]) AND r.month = ${month}`);
  return new Map(rows.map((r) => [r.projectId, r]));
}

const text = (c: CellText | undefined) => c?.text?.trim() ?? "";

const STAGE_BY_LABEL = new Map(Object.entries(PROGRESS_STAGE_LABEL).map(([key, label]) => [label as string, key as ProgressStageKey]));

/**
 * 形象进度阶段 as typed: a stage's name (前期 … 投产), or empty for none; a column the file does not
 * have keeps the month's own stage. Anything else is an error on the cell.
 */
function stageOf(cell: CellText | undefined, report: ReportInfo | null): { stage: ProgressStageKey | null } | { error: string } {
  if (cell === undefined) return { stage: report?.progressStage ?? null };
  const typed = text(cell).replace(/\s+/g, "");
  if (typed === "") return { stage: null };
  const stage = STAGE_BY_LABEL.get(typed);
  return stage ? { stage } : { error: `「${text(cell)}」不是形象进度阶段：请填写${PROGRESS_STAGE_LIST}之一，或留空` };
}
const NUMBER = /^[0-9]+(\.[0-9]+)?$/;
const FULL_WIDTH = /[０-９．，－]/;

type Context = {
  month: string;
  actor: Actor;
  projects: Map<string, ProjectInfo>;
  reports: Map<number, ReportInfo>;
  previous: Map<number, { month: string; cumulativeInvestment: string; progressText: string; funds: FundsValues }>;
};

/** One row against the current figures: what it would change, or its errors. */
function checkRow(raw: RawRow, ctx: Context, seen: Map<string, number>): PreviewRow {
  const project = ctx.projects.get(raw.code) ?? null;
  const report = project ? (ctx.reports.get(project.id) ?? null) : null;
  const prev = project ? (ctx.previous.get(project.id) ?? null) : null;
  const row: PreviewRow = {
    rowNo: raw.rowNo,
    code: raw.code,
    name: project?.name ?? null,
    parkName: project?.parkName ?? null,
    kind: "error",
    errors: [],
    notes: [],
    before:
      report && report.cumulativeInvestment !== null
        ? {
            monthInvestment: report.monthInvestment?.toString() ?? null,
            cumulativeInvestment: report.cumulativeInvestment.toString(),
            progressText: report.progressText,
            status: report.status,
          }
        : null,
    previous: prev ? { month: prev.month, cumulativeInvestment: prev.cumulativeInvestment } : null,
    after: null,
    projectId: project?.id ?? null,
    parkId: project?.parkId ?? null,
    reportVersion: report?.version ?? 0,
  };
  const error = (column: string, message: string) => row.errors.push({ column, message });

  const first = seen.get(raw.code);
  if (first !== undefined) error(H.code, `项目「${raw.code}」与第${first}行重复：同一项目只能出现一次`);
  else seen.set(raw.code, raw.rowNo);
  if (!project) {
    error(H.code, `项目代码「${raw.code}」不存在`);
    return row;
  }
  if (!can(ctx.actor, "monthlyReport.import", { parkId: project.parkId })) {
    error(H.code, `项目「${raw.code}」属于${project.parkName}：只能导入本县区园区的项目`);
    return row;
  }
  for (const [key, cell] of [
    ["monthInvestment", raw.monthInvestment],
    ["cumulativeInvestment", raw.cumulativeInvestment],
    ["progressText", raw.progressText],
    ["progressStage", raw.progressStage],
    ["explanation", raw.explanation],
    ["actualStartMonth", raw.actualStartMonth],
    ["actualProductionMonth", raw.actualProductionMonth],
    ...FUNDS_COLUMNS.map((c) => [c, raw.funds?.[c]] as const),
  ] as const) {
    if (cell?.error) error(COLUMN[key], cell.error);
    else if ((key === "monthInvestment" || key === "cumulativeInvestment" || key.startsWith("funds")) && cell?.text && FULL_WIDTH.test(cell.text)) {
      error(COLUMN[key], `「${cell.text}」含全角数字或符号：请改为半角数字，如 1200.5`);
    }
  }
  const stage = stageOf(raw.progressStage, report);
  if ("error" in stage) error(COLUMN.progressStage, stage.error);
  if (row.errors.length) return row;

  // 本月 empty: the file does not report this project
  if (text(raw.monthInvestment) === "") {
    row.kind = "skipped";
    row.notes.push("未填本月完成投资，本行不导入");
    return row;
  }
  const monthTyped = text(raw.monthInvestment).replace(/,/g, "");
  let cumulative = text(raw.cumulativeInvestment);
  const monthChanged = NUMBER.test(monthTyped) && storedAmount(monthTyped) !== storedAmount(report?.monthInvestment?.toString());
  const cumulativeIs = (value: string | null | undefined) =>
    value != null && NUMBER.test(cumulative.replace(/,/g, "")) && storedAmount(cumulative.replace(/,/g, "")) === storedAmount(value);
  // 累计 as a template prefilled it is not a figure the county typed: 上期累计 (a template taken
  // before the month was reported — the same file imported again keeps it), or the month's own
  // 累计 while 本月 changed. Then, as when it is left empty, 累计 = 上期累计 + 本月.
  const prefilledCumulative = cumulative === "" || cumulativeIs(prev?.cumulativeInvestment) || (monthChanged && cumulativeIs(report?.cumulativeInvestment?.toString()));
  if (prefilledCumulative && NUMBER.test(monthTyped)) {
    cumulative = (expectedCumulative(prev, monthTyped) ?? monthTyped).toString();
    row.notes.push(prev ? `累计按上期（${formatMonth(prev.month)}）累计 ${formatWan(prev.cumulativeInvestment)} + 本月计算` : "累计按本月计算（此前没有填报）");
  }
  const progress = text(raw.progressText) || report?.progressText || prev?.progressText || "";
  const parsed = monthlyReportSchema.safeParse({
    projectCode: raw.code,
    month: ctx.month,
    monthInvestment: text(raw.monthInvestment),
    cumulativeInvestment: cumulative,
    progressText: progress,
    progressStage: "stage" in stage ? (stage.stage ?? "") : "",
    actualStartMonth: raw.actualStartMonth ? text(raw.actualStartMonth) : (report?.actualStartMonth ?? ""),
    actualProductionMonth: raw.actualProductionMonth ? text(raw.actualProductionMonth) : (report?.actualProductionMonth ?? ""),
    explanation: raw.explanation ? text(raw.explanation) : (report?.explanation ?? ""),
    // 资金到位: a source typed is read as typed; empty, or a file without its column, keeps the amount stated
    // before (the month's own, else the previous counted month's): carriedFunds below
    ...Object.fromEntries(FUNDS_COLUMNS.map((c) => [c, text(raw.funds?.[c]).replace(/,/g, "")])),
    version: String(row.reportVersion),
    intent: "submit",
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) error(COLUMN[String(issue.path[0])] ?? H.code, issue.message);
    return row;
  }
  const input = parsed.data;
  row.after = {
    monthInvestment: input.monthInvestment,
    cumulativeInvestment: input.cumulativeInvestment,
    progressText: input.progressText,
    progressStage: input.progressStage,
    explanation: input.explanation || null,
    actualStartMonth: input.actualStartMonth,
    actualProductionMonth: input.actualProductionMonth,
    funds: carriedFunds(input, report?.currentRevisionId != null ? fundsOfReport(report) : (prev?.funds ?? null)),
  };
  if (report && report.currentRevisionId !== null && sameFigures(report, input, row.after.funds!)) {
    row.kind = "unchanged";
    return row;
  }
  if (report?.status === "SUBMITTED") {
    error(H.month, submittedLockedMessage(ctx.month));
    return row;
  }
  const errors = monthlyReportErrors(project, { ...input, month: ctx.month }, prev);
  for (const [field, messages] of Object.entries(errors)) for (const m of messages ?? []) error(COLUMN[field] ?? field, m);
  row.kind = row.errors.length ? "error" : "change";
  return row;
}

function fundsOfReport(report: ReportInfo): FundsValues {
  return Object.fromEntries(FUNDS_COLUMNS.map((c) => [c, report[c]?.toString() ?? null])) as FundsValues;
}

function sameFigures(report: ReportInfo, input: MonthlyReportInput, funds: FundsValues): boolean {
  return (
    FUNDS_COLUMNS.every((c) => storedAmount(report[c]?.toString()) === storedAmount(funds[c])) &&
    storedAmount(report.monthInvestment?.toString()) === storedAmount(input.monthInvestment) &&
    storedAmount(report.cumulativeInvestment?.toString()) === storedAmount(input.cumulativeInvestment) &&
    report.progressText === input.progressText &&
    report.progressStage === input.progressStage &&
    (report.explanation || null) === (input.explanation || null) &&
    report.actualStartMonth === input.actualStartMonth &&
    report.actualProductionMonth === input.actualProductionMonth
  );
}

async function checkRows(prisma: Db | Tx, actor: Actor, month: string, raws: RawRow[], lock: boolean): Promise<PreviewRow[]> {
  const projects = await loadProjects(prisma, [...new Set(raws.map((r) => r.code))]);
  const ids = [...projects.values()].map((p) => p.id);
  const reports = await loadReports(prisma, ids, month, lock);
  const previous = await previousCountedFigures(prisma, ids, month);
  const seen = new Map<string, number>();
  return raws.map((r) => checkRow(r, { month, actor, projects, reports, previous }, seen));
}

function counts(rows: PreviewRow[]): Preview["counts"] {
  const c = { change: 0, unchanged: 0, skipped: 0, error: 0 };
  for (const r of rows) c[r.kind]++;
  return c;
}

/** How many rows' errors a preview lists in detail (the count is always given). */
export const PREVIEW_ERROR_ROWS = 200;

/**
 * Reads an uploaded file and checks every row. A file refused as a whole, or with any row
 * error, or without any change, is answered and nothing is stored; otherwise the batch is
 * stored awaiting apply (batchId).
 */
export async function previewImport(prisma: Db, actor: Actor | null, input: { month: string; fileName: string; bytes: Buffer }, now?: Date): Promise<PreviewResult> {
  assertCan(actor, "monthlyReport.import");
  const { month } = input;
  if (!isMonth(month) || month > currentMonth(now)) return { ok: false, message: `填报月份无效：不能晚于本月（${currentMonth(now)}）。`, preview: null };
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or refused
  const fileName = (input.fileName || "upload.xlsx").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200);
  let parsed;
  try {
    parsed = await readScheduleFile(input.bytes, fileName);
  } catch (e) {
    if (e instanceof ImportFileError) return { ok: false, message: e.message, preview: null };
    throw e;
  }
  if (parsed.titleMonth && parsed.titleMonth !== month) {
    return { ok: false, message: `文件是${formatMonth(parsed.titleMonth)}的调度表，与所选填报月份${formatMonth(month)}不一致。请核对后重新选择。`, preview: null };
  }
  if (parsed.rows.length === 0 && parsed.codeless.length === 0) return { ok: false, message: "表中没有项目行：请在表头下方按项目逐行填写。", preview: null };
  const period = await prisma.reportingPeriod.findUnique({ where: { month }, select: { status: true } });
  if (period?.status === "PUBLISHED") {
    return { ok: false, message: `${periodTitle(month)}已发布，不能再导入。如需更正，请园区管理员重新开放该调度期。`, preview: null };
  }
  const rows = await checkRows(prisma, actor, month, parsed.rows, false);
  for (const rowNo of parsed.codeless) {
    rows.push({
      rowNo,
      code: "",
      name: null,
      parkName: null,
      kind: "error",
      errors: [{ column: H.code, message: "缺少项目代码：每个项目一行，按项目代码匹配" }],
      notes: [],
      before: null,
      previous: null,
      after: null,
      projectId: null,
      parkId: null,
      reportVersion: 0,
    });
  }
  rows.sort((a, b) => a.rowNo - b.rowNo);
  const preview: Preview = {
    month,
    fileName,
    sha256: crypto.createHash("sha256").update(input.bytes).digest("hex"),
    fileBytes: input.bytes.length,
    rows,
    counts: counts(rows),
  };
  if (preview.counts.error > 0) {
    return { ok: false, message: `有 ${preview.counts.error} 行有错误，整个文件未导入：请按下表修改后重新上传。`, preview };
  }
  if (preview.counts.change === 0) {
    return { ok: false, message: "没有需要导入的修改：文件中的数字与系统中本月的填报相同（或本月完成投资均未填写）。未做任何更改。", preview };
  }
  const changes = rows.filter((r) => r.kind === "change");
  const parks = [...new Set(changes.map((r) => r.parkId))];
  // one statement with the rows as one JSON text (Prisma's own create is slow on thousands of rows)
  const [batch] = await prisma.$queryRaw<Array<{ id: number }>>(Prisma.sql`
    INSERT INTO "ImportBatch" (month, "parkId", "fileName", sha256, "fileBytes", rows, "changeCount", "createdById")
    VALUES (${month}, ${parks.length === 1 ? parks[0] : null}::int, ${fileName}, ${preview.sha256}, ${preview.fileBytes},
            ${JSON.stringify(changes)}::jsonb, ${changes.length}, ${actor.id})
    RETURNING id`);
  return { ok: true, preview, batchId: batch.id };
}

/** A stored batch for its preview page: only the person who uploaded it (or an administrator) sees it. */
export async function getImportBatch(prisma: Db, actor: Actor | null, id: number) {
  assertCan(actor, "monthlyReport.import");
  const batch = await prisma.importBatch.findUnique({ where: { id } });
  if (!batch || (batch.createdById !== actor.id && actor.role !== "ADMIN")) throw new NotFoundError("没有这次导入（或不是您上传的）。");
  return { ...batch, rows: batch.rows as unknown as PreviewRow[] };
}

export const applyImportSchema = z.object({ batchId: idField("导入批次无效") });

/**
 * Applies a stored batch in one transaction: every row re-checked against the figures as they
 * are now (a report changed since the preview is a conflict), then one SUBMITTED revision per
 * row, its event and audit entry, and the import's audit entry. All or nothing.
 */
export async function applyImport(prisma: Db, actor: Actor | null, batchId: number): Promise<{ applied: number; month: string }> {
  return prisma.$transaction((tx) => applyImportIn(tx, actor, batchId), { ...TX_OPTIONS, timeout: 120_000 });
}

/** applyImport inside the caller's transaction (the bench times it and rolls it back). */
export async function applyImportIn(tx: Tx, actor: Actor | null, batchId: number): Promise<{ applied: number; month: string }> {
  assertCan(actor, "monthlyReport.import");
  {
    const [batch] = await tx.$queryRaw<
      Array<{ id: number; month: string; status: string; createdById: number; fileName: string; sha256: string; fileBytes: number; parkId: number | null; rows: unknown }>
    >(Prisma.sql`
      SELECT id, month, status, "createdById", "fileName", sha256, "fileBytes", "parkId", rows FROM "ImportBatch" WHERE id = ${batchId} FOR UPDATE`);
    if (!batch || batch.createdById !== actor.id) throw new NotFoundError("没有这次导入（或不是您上传的）。");
    if (batch.status !== "PENDING") throw new StateError(batch.status === "APPLIED" ? "这次导入已经完成，不能重复导入。" : "这次导入已放弃。");
    const stored = batch.rows as PreviewRow[];
    for (const r of stored) assertCan(actor, "monthlyReport.import", { parkId: r.parkId });
    await assertPeriodOpen(tx, batch.month);

    // the same rows, checked again now (locked)
    const raws: RawRow[] = stored.map((r) => ({
      rowNo: r.rowNo,
      code: r.code,
      monthInvestment: { text: r.after!.monthInvestment },
      cumulativeInvestment: { text: r.after!.cumulativeInvestment },
      progressText: { text: r.after!.progressText },
      // a batch stored before the 形象进度阶段 column: as a file without it
      progressStage: r.after!.progressStage === undefined ? undefined : { text: r.after!.progressStage ? PROGRESS_STAGE_LABEL[r.after!.progressStage] : null },
      explanation: { text: r.after!.explanation },
      actualStartMonth: { text: r.after!.actualStartMonth },
      actualProductionMonth: { text: r.after!.actualProductionMonth },
      funds: r.after!.funds && Object.fromEntries(FUNDS_COLUMNS.map((c) => [c, { text: r.after!.funds![c] }])),
    }));
    const now = await checkRows(tx, actor, batch.month, raws, true);
    const moved = now.filter((r, i) => r.reportVersion !== stored[i].reportVersion);
    if (moved.length) {
      throw new ConflictError(
        `预览之后，${moved
          .slice(0, 5)
          .map((r) => r.code)
          .join("、")}${moved.length > 5 ? ` 等${moved.length}个项目` : ""}的本月报表已被修改：请重新上传文件，核对预览后再导入。`,
      );
    }
    const bad = now.filter((r) => r.kind !== "change");
    if (bad.length) {
      const r = bad[0];
      throw new StateError(`第${r.rowNo}行（${r.code}）已不能导入：${r.errors[0]?.message ?? "与系统中的数字相同"}。请重新上传。`);
    }
    const revisionIds = await writeRevisions(tx, actor, batch.month, now);
    // 数据质量: the flags of every revision written, at once
    await flagSubmittedRevisions(tx, batch.month, revisionIds);
    await tx.importBatch.update({ where: { id: batch.id }, data: { status: "APPLIED", appliedAt: new Date() } });
    await writeAudit(tx, actor, {
      action: "report.import",
      entity: "ImportBatch",
      entityId: batch.id,
      after: {
        month: batch.month,
        parkId: batch.parkId,
        fileName: batch.fileName,
        sha256: batch.sha256,
        fileBytes: batch.fileBytes,
        changeCount: now.length,
        codes: now.map((r) => r.code),
      },
    });
    return { applied: now.length, month: batch.month };
  }
}

/** One new SUBMITTED revision per row, in a fixed number of statements whatever the rows; their ids. */
async function writeRevisions(tx: Tx, actor: Actor, month: string, rows: PreviewRow[]): Promise<number[]> {
  const projectIds = rows.map((r) => r.projectId!);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "MonthlyReport" ("projectId", month, status, version, "updatedAt")
    SELECT unnest(${projectIds}::int[]), ${month}, 'SUBMITTED', 0, now()
    ON CONFLICT ("projectId", month) DO NOTHING`);
  const reports = await tx.$queryRaw<
    Array<{ id: number; projectId: number; status: ReportStatus; version: number; currentRevisionId: number | null; last: number | null }>
  >(Prisma.sql`
    SELECT r.id, r."projectId", r.status, r.version, r."currentRevisionId",
           (SELECT max(rv."revisionNo") FROM "MonthlyReportRevision" rv WHERE rv."reportId" = r.id) AS last
      FROM "MonthlyReport" r
     WHERE r."projectId" = ANY(${projectIds}::int[]) AND r.month = ${month}
     ORDER BY r.id FOR UPDATE`);
  const byProject = new Map(reports.map((r) => [r.projectId, r]));
  const items = rows.map((row) => {
    const report = byProject.get(row.projectId!)!;
    // a report created by someone else between the check and now
    if (report.version !== row.reportVersion) throw new ConflictError(`预览之后，${row.code}的本月报表已被修改：请重新上传文件后再导入。`);
    return { row, report, revisionNo: (report.last ?? 0) + 1 };
  });
  const col = <T>(f: (x: (typeof items)[number]) => T) => items.map(f);
  const revisions = await tx.$queryRaw<Array<{ id: number; reportId: number }>>(Prisma.sql`
    INSERT INTO "MonthlyReportRevision" ("reportId", "revisionNo", "monthInvestment", "cumulativeInvestment", "progressText",
      "progressStage", "actualStartMonth", "actualProductionMonth", explanation, "createdById",
      "fundsFiscal", "fundsBond", "fundsBank", "fundsSelf", "fundsOther")
    SELECT t.r, t.n, t.m, t.c, t.p, t.st::"ProgressStage", t.s, t.pr, t.e, ${actor.id}, t.f1, t.f2, t.f3, t.f4, t.f5
      FROM unnest(${col((x) => x.report.id)}::int[], ${col((x) => x.revisionNo)}::int[], ${col((x) => x.row.after!.monthInvestment)}::numeric[],
                  ${col((x) => x.row.after!.cumulativeInvestment)}::numeric[], ${col((x) => x.row.after!.progressText)}::text[],
                  ${col((x) => x.row.after!.progressStage ?? null)}::text[],
                  ${col((x) => x.row.after!.actualStartMonth)}::text[], ${col((x) => x.row.after!.actualProductionMonth)}::text[],
                  ${col((x) => x.row.after!.explanation)}::text[],
                  ${col((x) => x.row.after!.funds?.fundsFiscal ?? null)}::numeric[], ${col((x) => x.row.after!.funds?.fundsBond ?? null)}::numeric[],
                  ${col((x) => x.row.after!.funds?.fundsBank ?? null)}::numeric[], ${col((x) => x.row.after!.funds?.fundsSelf ?? null)}::numeric[],
                  ${col((x) => x.row.after!.funds?.fundsOther ?? null)}::numeric[]) AS t(r, n, m, c, p, st, s, pr, e, f1, f2, f3, f4, f5)
    RETURNING id, "reportId"`);
  const revisionOf = new Map(revisions.map((r) => [r.reportId, r.id]));
  await tx.$executeRaw(Prisma.sql`
    UPDATE "MonthlyReport" r
       SET status = 'SUBMITTED', "currentRevisionId" = u.rev, version = r.version + 1, "returnReason" = NULL, "updatedAt" = now()
      FROM unnest(${col((x) => x.report.id)}::int[], ${col((x) => revisionOf.get(x.report.id)!)}::int[]) AS u(id, rev)
     WHERE r.id = u.id`);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "ReportEvent" ("reportId", "revisionId", action, "fromStatus", "toStatus", "userId")
    SELECT t.r, t.v, 'SUBMIT', t.f::"ReportStatus", 'SUBMITTED', ${actor.id}
      FROM unnest(${col((x) => x.report.id)}::int[], ${col((x) => revisionOf.get(x.report.id)!)}::int[],
                  ${col((x) => (x.row.reportVersion === 0 ? null : x.report.status))}::text[]) AS t(r, v, f)`);
  await writeAuditMany(
    tx,
    actor,
    items.map((x) => ({
      action: "report.submit" as const,
      entity: "MonthlyReport",
      entityId: x.report.id,
      before: x.row.reportVersion === 0 ? null : { status: x.report.status, version: x.report.version, currentRevisionId: x.report.currentRevisionId },
      after: {
        project: x.row.code,
        month,
        status: "SUBMITTED",
        version: x.report.version + 1,
        revisionNo: x.revisionNo,
        monthInvestment: x.row.after!.monthInvestment,
        cumulativeInvestment: x.row.after!.cumulativeInvestment,
        progressText: x.row.after!.progressText,
        progressStage: x.row.after!.progressStage ?? null,
        explanation: x.row.after!.explanation,
        ...(x.row.after!.funds ?? {}),
      },
    })),
  );
  return revisions.map((r) => r.id);
}

/** Gives up a pending batch (nothing was written from it). */
export async function discardImport(prisma: Db, actor: Actor | null, batchId: number): Promise<void> {
  assertCan(actor, "monthlyReport.import");
  const { count } = await prisma.importBatch.updateMany({ where: { id: batchId, createdById: actor.id, status: "PENDING" }, data: { status: "DISCARDED" } });
  if (count === 0) throw new StateError("这次导入已完成或已放弃。");
}
