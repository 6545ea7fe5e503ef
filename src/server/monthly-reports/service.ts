// 月度调度 writes: save / submit a month (a new immutable revision each time), approve, return.
// Every function takes the acting user explicitly, checks permission centrally, detects
// concurrent edits by the report's version, and audits in the same transaction.
import "server-only";
import { Prisma, type MonthlyReport, type ReportStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged, storedAmount } from "@/server/audit/unchanged";
import { type Tx, TX_OPTIONS, isNoMatch } from "@/server/tx";
import { previousCountedFigure } from "./counted-revision";
import { monthlyReportErrors, submittedLockedMessage } from "@/domain/monthly-figures";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/server/errors";
import { REPORT_STATUS_LABEL } from "@/lib/labels";
import { statusAfterSave } from "@/domain/review-workflow";
import { assertReviewable, reviewTransition, saveTransition } from "@/server/report-workflow";
import type { MonthlyReportInput, ReviewInput, WithdrawInput } from "@/lib/schemas/monthly-report";
import { assertPeriodOpen } from "@/server/periods/service";
import { PHOTO_MAX_COUNT, processUploads, type UploadedFile } from "@/server/photos/process";
import { linkPhotos, revisionPhotoIds, storePhotos } from "@/server/photos/store";
import { idParam } from "@/lib/route-params";
import { flagSubmittedRevisions } from "@/server/data-quality/checks";
import { carriedFunds } from "@/server/funding/carry";
import { FUNDS_COLUMNS } from "@/domain/funding";

/**
 * The photos of a save: `keep`, ids of photos of this report's current revision to keep (in
 * order), then the new `files`. Left out, the new revision keeps the current revision's photos.
 */
export type PhotoChanges = { keep: string[]; files?: UploadedFile[] };

/**
 * A file input left empty still sends one part, without a name or bytes (Next.js names it
 * "undefined"): no photo chosen. Any other empty file was chosen and is refused as one.
 */
const noFileChosen = (f: UploadedFile) => f.size === 0 && (f.name === "" || f.name === "undefined");

async function lockReport(tx: Tx, projectId: number, month: string): Promise<MonthlyReport | null> {
  const rows = await tx.$queryRaw<MonthlyReport[]>`
    SELECT * FROM "MonthlyReport" WHERE "projectId" = ${projectId} AND month = ${month} FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * The project a save is for, with the first year it is on a list: one SQL statement. The rush's
 * saves are SQL where they run once per request (the ORM compiles a plan per call under Prisma 6,
 * docs/benchmark.md); the rules stay where they are.
 */
async function projectForSave(prisma: Db, code: string) {
  const rows = await prisma.$queryRaw<
    Array<{
      id: number;
      code: string;
      parkId: number;
      totalInvestment: string;
      actualStartMonth: string | null;
      actualProductionMonth: string | null;
      firstListYear: number | null;
    }>
  >(Prisma.sql`
    SELECT p.id, p.code, p."parkId", p."totalInvestment"::text AS "totalInvestment", p."actualStartMonth", p."actualProductionMonth",
           (SELECT min(ap.year) FROM "AnnualPlanEntry" e JOIN "AnnualPlan" ap ON ap.id = e."planId" WHERE e."projectId" = p.id) AS "firstListYear"
      FROM "Project" p
     WHERE p.code = ${code}`);
  return rows[0] ?? null;
}

async function conflictFor(tx: Tx, report: MonthlyReport, input: MonthlyReportInput) {
  const current = report.currentRevisionId ? await tx.monthlyReportRevision.findUnique({ where: { id: report.currentRevisionId }, include: { createdBy: true } }) : null;
  return new ConflictError(
    `保存冲突：${current?.createdBy?.displayName ?? "其他人"}已在您打开页面之后修改了本月报表（当前状态：${REPORT_STATUS_LABEL[report.status]}）。请核对双方数值后刷新页面再保存。`,
    {
      theirs: {
        monthInvestment: current?.monthInvestment?.toString() ?? null,
        cumulativeInvestment: current?.cumulativeInvestment.toString() ?? null,
        progressText: current?.progressText ?? null,
        status: REPORT_STATUS_LABEL[report.status],
      },
      yours: {
        monthInvestment: input.monthInvestment,
        cumulativeInvestment: input.cumulativeInvestment,
        progressText: input.progressText,
        status: input.intent === "submit" ? REPORT_STATUS_LABEL.SUBMITTED : REPORT_STATUS_LABEL.DRAFT,
      },
      by: current?.createdBy?.displayName ?? null,
      at: current?.createdAt.toISOString() ?? null,
    },
  );
}

/** A project's month's report, created by its first save; null when another save created it first (it is then committed and locked by that one). */
async function createReport(tx: Tx, projectId: number, month: string, status: ReportStatus): Promise<MonthlyReport | null> {
  const rows = await tx.$queryRaw<MonthlyReport[]>(Prisma.sql`
    INSERT INTO "MonthlyReport" ("projectId", month, status, version, "updatedAt")
    VALUES (${projectId}::int, ${month}::text, ${status}::"ReportStatus", 0, now())
    ON CONFLICT ("projectId", month) DO NOTHING
    RETURNING *`);
  return rows[0] ?? null;
}

/** Saves (intent "save") or submits (intent "submit") a project's month as a new revision. */
export async function saveMonthlyReport(
  prisma: Db,
  actor: Actor | null,
  input: MonthlyReportInput,
  photoChanges?: PhotoChanges,
): Promise<{ reportId: number; revisionNo: number; status: ReportStatus }> {
  const month = input.month!;
  const project = await projectForSave(prisma, input.projectCode);
  // permission is checked before anything about the project is revealed
  if (!project) {
    assertCan(actor, "monthlyReport.write", { parkId: -1 });
    throw new NotFoundError(`项目代码「${input.projectCode}」不存在。`);
  }
  assertCan(actor, "monthlyReport.write", { parkId: project.parkId });

  const facts = {
    totalInvestment: project.totalInvestment,
    firstListYear: project.firstListYear,
    actualStartMonth: project.actualStartMonth,
    actualProductionMonth: project.actualProductionMonth,
  };
  // photos: counted and checked (CPU-heavy) before the transaction; any refusal stores nothing
  let keep: number[] | null = null;
  let uploaded: Awaited<ReturnType<typeof processUploads>>["photos"] = [];
  const photoErrors: string[] = [];
  if (photoChanges) {
    const ids = photoChanges.keep.map(idParam);
    keep = [...new Set(ids.filter((id): id is number => id !== null))];
    if (ids.includes(null)) {
      photoErrors.push("保留的照片无效，请刷新页面后重新选择。");
      keep = [];
    }
    const files = (photoChanges.files ?? []).filter((f) => !noFileChosen(f));
    if (keep.length + files.length > PHOTO_MAX_COUNT) {
      photoErrors.push(`每月最多${PHOTO_MAX_COUNT}张照片：已保留${keep.length}张，又选择了${files.length}张。`);
    } else if (files.length > 0) {
      const result = await processUploads(files);
      photoErrors.push(...result.errors);
      uploaded = result.photos;
    }
  }

  return prisma.$transaction(async (tx) => {
    const report = await lockReport(tx, project.id, month);
    if (report && report.version !== input.version) throw await conflictFor(tx, report, input);
    await assertPeriodOpen(tx, month, { hadApproved: report?.approvedRevisionId != null });
    if (!report && input.version !== 0) {
      throw new ConflictError("本月报表已被删除或不存在，请刷新页面。");
    }
    if (report?.status === "SUBMITTED") throw new StateError(submittedLockedMessage(month));
    const previous = await previousCountedFigure(tx, project.id, month);
    const errors = monthlyReportErrors(facts, { ...input, month }, previous);
    if (photoErrors.length) errors.photos = [...photoErrors, "照片均未保存，请重新选择。"];
    // kept photos must be this report's own (a hand-made request cannot borrow another's)
    const currentPhotos = report?.currentRevisionId ? await revisionPhotoIds(tx, report.currentRevisionId) : [];
    if (keep && keep.some((id) => !currentPhotos.includes(id))) {
      errors.photos = ["保留的照片不属于本月报表，请刷新页面后重新选择。", "照片均未保存，请重新选择。"];
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
    // 资金到位: a source left empty keeps the previous counted figure's cumulative amount
    const funds = carriedFunds(input, previous?.funds ?? null);
    const photoIds = [...new Set([...(keep ?? currentPhotos), ...(await storePhotos(tx, actor.id, uploaded))])];

    // saving a draft again as it is: no new revision, no entry
    if (report && input.intent === "save" && report.status === "DRAFT" && report.currentRevisionId !== null) {
      const current = await tx.monthlyReportRevision.findUniqueOrThrow({ where: { id: report.currentRevisionId } });
      const fields = (
        r: {
          monthInvestment: unknown;
          cumulativeInvestment: unknown;
          progressText: string;
          progressStage: string | null;
          actualStartMonth: string | null;
          actualProductionMonth: string | null;
          explanation: string | null;
        } & Record<keyof typeof funds, unknown>,
      ) => ({
        monthInvestment: storedAmount(String(r.monthInvestment)),
        cumulativeInvestment: storedAmount(String(r.cumulativeInvestment)),
        progressText: r.progressText,
        progressStage: r.progressStage,
        actualStartMonth: r.actualStartMonth,
        actualProductionMonth: r.actualProductionMonth,
        explanation: r.explanation || null,
        ...Object.fromEntries(Object.keys(funds).map((k) => [k, r[k as keyof typeof funds] == null ? null : storedAmount(String(r[k as keyof typeof funds]))])),
      });
      assertChanged(
        { ...fields(current), photos: currentPhotos.join(",") },
        { ...fields({ ...input, ...funds, explanation: input.explanation ?? null }), photos: photoIds.join(",") },
      );
    }
    const status: ReportStatus = statusAfterSave(input.intent);
    const base = report ?? (await createReport(tx, project.id, month, status));
    if (!base) {
      // a first save of the same month by someone else was committed meanwhile: theirs stands
      throw await conflictFor(tx, (await lockReport(tx, project.id, month))!, input);
    }
    // the report is locked (or new in this transaction): the next revision number is this one's
    const [revision] = await tx.$queryRaw<Array<{ id: number; revisionNo: number }>>(Prisma.sql`
      INSERT INTO "MonthlyReportRevision" ("reportId", "revisionNo", "monthInvestment", "cumulativeInvestment", "progressText", "progressStage",
                                           "actualStartMonth", "actualProductionMonth", explanation,
                                           ${Prisma.join(FUNDS_COLUMNS.map((c) => Prisma.raw(`"${c}"`)))}, "photoCount", "createdById")
      SELECT ${base.id}::int, coalesce(max(r."revisionNo"), 0) + 1, ${input.monthInvestment ?? null}::numeric, ${input.cumulativeInvestment}::numeric,
             ${input.progressText}::text, ${input.progressStage ?? null}::"ProgressStage", ${input.actualStartMonth ?? null}::text, ${input.actualProductionMonth ?? null}::text,
             ${input.explanation || null}::text, ${Prisma.join(FUNDS_COLUMNS.map((c) => Prisma.sql`${funds[c]}::numeric`))},
             ${photoIds.length}::int, ${actor.id}::int
        FROM "MonthlyReportRevision" r WHERE r."reportId" = ${base.id}::int
      RETURNING id, "revisionNo"`);
    const revisionNo = revision.revisionNo;
    await linkPhotos(tx, revision.id, photoIds);
    // 数据质量: a submitted revision's flags, after its photos (the photo check reads them)
    if (input.intent === "submit") await flagSubmittedRevisions(tx, month, [revision.id]);
    const version = await saveTransition(tx, actor, "monthlyReport", { reportId: base.id, revisionId: revision.id, intent: input.intent, fromStatus: report?.status ?? null });
    await writeAudit(tx, actor, {
      action: input.intent === "submit" ? "report.submit" : "report.save",
      entity: "MonthlyReport",
      entityId: base.id,
      before: report ? { status: report.status, version: report.version, currentRevisionId: report.currentRevisionId } : null,
      after: {
        project: project.code,
        month,
        status,
        version,
        revisionNo,
        monthInvestment: input.monthInvestment,
        cumulativeInvestment: input.cumulativeInvestment,
        progressText: input.progressText,
        progressStage: input.progressStage,
        explanation: input.explanation || null,
        ...funds,
        photos: photoIds.length,
      },
    });
    return { reportId: base.id, revisionNo, status };
  }, TX_OPTIONS);
}

/** A report under review, with what approving it may change on its project and its current revision: one SQL statement. */
async function reportForReview(tx: Tx, reportId: number) {
  type Row = Pick<MonthlyReport, "id" | "month" | "status" | "version" | "currentRevisionId" | "approvedRevisionId"> & {
    project: { id: number; code: string; status: string; actualStartMonth: string | null; actualProductionMonth: string | null };
    currentRevision: { id: number; actualStartMonth: string | null; actualProductionMonth: string | null } | null;
  };
  const rows = await tx.$queryRaw<Row[]>(Prisma.sql`
    SELECT r.id, r.month, r.status::text AS status, r.version, r."currentRevisionId", r."approvedRevisionId",
           json_build_object('id', p.id, 'code', p.code, 'status', p.status, 'actualStartMonth', p."actualStartMonth", 'actualProductionMonth', p."actualProductionMonth") AS project,
           CASE WHEN rv.id IS NULL THEN NULL
                ELSE json_build_object('id', rv.id, 'actualStartMonth', rv."actualStartMonth", 'actualProductionMonth', rv."actualProductionMonth") END AS "currentRevision"
      FROM "MonthlyReport" r
      JOIN "Project" p ON p.id = r."projectId"
      LEFT JOIN "MonthlyReportRevision" rv ON rv.id = r."currentRevisionId"
     WHERE r.id = ${reportId}::int`);
  return rows[0] ?? null;
}

/** The 核实说明 asked for when approving a report with 数据质量提示. */
export const VERIFICATION_REQUIRED_MESSAGE = "该报表有数据质量提示：审核通过前请填写核实说明（一行，不超过200字），说明已核实的情况。";

/**
 * Approves or returns a submitted month. Approving a revision with 数据质量提示 (RevisionQualityFlag)
 * needs a 核实说明 (`note`), kept as the APPROVE event's reason and in the audit entry.
 */
export async function reviewMonthlyReport(prisma: Db, actor: Actor | null, input: Omit<ReviewInput, "note"> & { note?: ReviewInput["note"] }): Promise<ReportStatus> {
  assertCan(actor, "monthlyReport.review");
  return prisma.$transaction(async (tx) => {
    const report = await reportForReview(tx, input.reportId);
    assertReviewable("monthlyReport", report, input.version);
    const revision = report.currentRevision!;
    await assertPeriodOpen(tx, report.month, { office: true });
    const approve = input.decision === "approve";
    const note = approve ? (input.note ?? "").trim() || null : null;
    if (approve && note === null) {
      const [{ flags }] = await tx.$queryRaw<Array<{ flags: number }>>(
        Prisma.sql`SELECT count(*)::int AS flags FROM "RevisionQualityFlag" WHERE "revisionId" = ${revision.id}::int`,
      );
      if (flags > 0) throw new ValidationError({ note: [VERIFICATION_REQUIRED_MESSAGE] });
    }
    const status = await reviewTransition(tx, actor, "monthlyReport", report, {
      approve,
      reason: approve ? note : input.reason,
      before: { status: report.status, approvedRevisionId: report.approvedRevisionId },
      after: approve
        ? { status: "APPROVED", approvedRevisionId: report.currentRevisionId, ...(note ? { verification: note } : {}) }
        : { status: "RETURNED", returnReason: input.reason },
    });
    if (approve) await applyApprovedDates(tx, actor, report.project, revision);
    return status;
  }, TX_OPTIONS);
}

/**
 * 撤回: the county takes back its own submitted report while it has not been reviewed. The report
 * returns to draft with its revisions as they are; what counts is again the approved revision (if
 * any), and the review queue no longer shows it.
 */
export async function withdrawMonthlyReport(prisma: Db, actor: Actor | null, input: WithdrawInput): Promise<ReportStatus> {
  return prisma.$transaction(async (tx) => {
    const report = await tx.monthlyReport.findUnique({ where: { id: input.reportId }, include: { project: { select: { parkId: true, code: true } } } });
    // permission first: an unknown id tells nothing more than another park's
    assertCan(actor, "monthlyReport.withdraw", { parkId: report?.project.parkId ?? -1 });
    if (!report) throw new NotFoundError("报表不存在。");
    if (report.status !== "SUBMITTED") {
      throw new StateError(`只能撤回“已提交”且尚未审核的报表，该报表当前为“${REPORT_STATUS_LABEL[report.status]}”。`);
    }
    const changed = () => new ConflictError("该报表在您打开页面之后已被修改或审核，请刷新页面。");
    if (report.version !== input.version) throw changed();
    await assertPeriodOpen(tx, report.month);
    await tx.monthlyReport
      .update({
        where: { id: report.id, version: report.version, status: "SUBMITTED" },
        data: { status: "DRAFT", version: { increment: 1 } },
      })
      .catch((e) => {
        throw isNoMatch(e) ? changed() : e;
      });
    await tx.reportEvent.create({
      data: { reportId: report.id, revisionId: report.currentRevisionId, action: "WITHDRAW", fromStatus: "SUBMITTED", toStatus: "DRAFT", userId: actor.id },
    });
    await writeAudit(tx, actor, {
      action: "report.withdraw",
      entity: "MonthlyReport",
      entityId: report.id,
      before: { status: report.status, version: report.version },
      after: { project: report.project.code, month: report.month, status: "DRAFT", version: report.version + 1 },
    });
    return "DRAFT" as const;
  }, TX_OPTIONS);
}

/** An approved month that states the actual start or production updates the project. */
async function applyApprovedDates(
  tx: Tx,
  actor: Actor,
  project: { id: number; code: string; status: string; actualStartMonth: string | null; actualProductionMonth: string | null },
  revision: { actualStartMonth: string | null; actualProductionMonth: string | null },
) {
  const data: Prisma.ProjectUpdateInput = {};
  if (revision.actualStartMonth && revision.actualStartMonth !== project.actualStartMonth) {
    data.actualStartMonth = revision.actualStartMonth;
    if (project.status === "NOT_STARTED") data.status = "UNDER_CONSTRUCTION";
  }
  if (revision.actualProductionMonth && revision.actualProductionMonth !== project.actualProductionMonth) {
    data.actualProductionMonth = revision.actualProductionMonth;
    if (project.status !== "COMPLETED") data.status = "IN_PRODUCTION";
  }
  if (Object.keys(data).length === 0) return;
  await tx.project.update({ where: { id: project.id }, data: { ...data, version: { increment: 1 } } });
  await writeAudit(tx, actor, {
    action: "project.update-from-report",
    entity: "Project",
    entityId: project.code,
    before: { status: project.status, actualStartMonth: project.actualStartMonth, actualProductionMonth: project.actualProductionMonth },
    after: data,
  });
}
