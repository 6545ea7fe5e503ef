// 效益填报 writes: a county saves or submits a project's year (or quarter) of benefits — 产值,
// 税收, 新增就业 and the project's own named metrics — as a new immutable revision; the office
// approves or returns it. The workflow is the monthly report's (src/domain/review-workflow.ts):
// permission first, one transaction, the report's version as the conflict check, every write
// audited in its transaction.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged, storedAmount } from "@/server/audit/unchanged";
import { type Tx, TX_OPTIONS, isUniqueViolation } from "@/server/tx";
import { ConflictError, NotFoundError, StateError, ValidationError, type FieldErrors } from "@/server/errors";
import { BENEFIT_METRIC_FIELDS, metricValueProblem, type BenefitReportInput } from "@/lib/schemas/benefits";
import type { ReviewInput } from "@/lib/schemas/monthly-report";
import { benefitPeriodEnd, benefitPeriodLabel } from "@/domain/benefits";
import { statusAfterSave } from "@/domain/review-workflow";
import { assertReviewable, reviewTransition, saveTransition } from "@/server/report-workflow";
import { currentMonth, formatMonth } from "@/lib/month";
import type { ReportStatus } from "@/generated/prisma/enums";

/** A reported named metric, as stored in BenefitRevision.metrics (value as an exact decimal string). */
export type ReportedMetric = { name: string; unit: string; value: string };

export const SUBMITTED_LOCKED_MESSAGE = "该期效益已提交，等待园区审核，审核前不能修改。";
export const NOTHING_REPORTED_MESSAGE = "请至少填写一项效益数据（产值、税收、新增就业或项目指标）。";

/** The period rules that need the project: in production, not before its production, ended. */
function periodErrors(project: { actualProductionMonth: string | null }, year: number, quarter: number, today: string): FieldErrors {
  if (!project.actualProductionMonth) return { year: ["该项目尚未投产（无实际投产月份），投产后才能填报效益。"] };
  const end = benefitPeriodEnd(year, quarter);
  const label = benefitPeriodLabel(year, quarter);
  if (end < project.actualProductionMonth) return { year: [`项目于${formatMonth(project.actualProductionMonth)}投产，不能填报${label}（投产前）的效益。`] };
  if (end > today) return { year: [`${label}尚未结束，结束后再填报。`] };
  return {};
}

/** Saves (intent "save") or submits (intent "submit") a project's year or quarter as a new revision. */
export async function saveBenefitReport(prisma: Db, actor: Actor | null, input: BenefitReportInput): Promise<{ reportId: number; revisionNo: number; status: ReportStatus }> {
  const project = await prisma.project.findUnique({ where: { code: input.projectCode }, include: { metrics: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } } });
  // permission is checked before anything about the project is revealed
  if (!project) {
    assertCan(actor, "benefit.write", { parkId: -1 });
    throw new NotFoundError(`项目代码「${input.projectCode}」不存在。`);
  }
  assertCan(actor, "benefit.write", { parkId: project.parkId });

  const errors: FieldErrors = periodErrors(project, input.year, input.quarter, currentMonth());
  const metrics: ReportedMetric[] = [];
  for (let i = 0; i < BENEFIT_METRIC_FIELDS; i++) {
    const raw = input[`metric_${i}` as `metric_${0 | 1 | 2 | 3}`];
    const metric = project.metrics[i];
    if (!raw) continue;
    if (!metric) {
      errors[`metric_${i}`] = ["该项目没有这一项指标，请刷新页面。"];
      continue;
    }
    const problem = metricValueProblem(`${metric.name}（${metric.unit}）`, raw);
    if (problem) errors[`metric_${i}`] = [problem];
    else metrics.push({ name: metric.name, unit: metric.unit, value: storedAmount(raw)! });
  }
  if (Object.keys(errors).length === 0 && input.output === null && input.tax === null && input.jobs === null && metrics.length === 0) {
    errors.output = [NOTHING_REPORTED_MESSAGE];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);

  const period = benefitPeriodLabel(input.year, input.quarter);
  const figures = { output: storedAmount(input.output), tax: storedAmount(input.tax), jobs: input.jobs, metrics, note: input.note || null };
  try {
    return await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: number }>>`
        SELECT id FROM "BenefitReport" WHERE "projectId" = ${project.id} AND year = ${input.year} AND quarter = ${input.quarter} FOR UPDATE`;
      const report = locked.length ? await tx.benefitReport.findUniqueOrThrow({ where: { id: locked[0].id }, include: { currentRevision: true } }) : null;
      if (report && report.version !== input.version) throw conflict(period);
      if (!report && input.version !== 0) throw new ConflictError("该期效益填报已被删除或不存在，请刷新页面。");
      if (report?.status === "SUBMITTED") throw new StateError(SUBMITTED_LOCKED_MESSAGE);
      // saving a draft again as it is: no new revision, no entry
      if (report?.currentRevision && input.intent === "save" && report.status === "DRAFT") {
        const r = report.currentRevision;
        assertChanged({ output: storedAmount(r.output?.toString()), tax: storedAmount(r.tax?.toString()), jobs: r.jobs, metrics: r.metrics, note: r.note }, figures);
      }
      const status = statusAfterSave(input.intent);
      const base = report ?? (await tx.benefitReport.create({ data: { projectId: project.id, year: input.year, quarter: input.quarter, status, version: 0 } }));
      const last = await tx.benefitRevision.aggregate({ where: { reportId: base.id }, _max: { revisionNo: true } });
      const revisionNo = (last._max.revisionNo ?? 0) + 1;
      const revision = await tx.benefitRevision.create({
        data: { reportId: base.id, revisionNo, output: figures.output, tax: figures.tax, jobs: figures.jobs, metrics: figures.metrics, note: figures.note, createdById: actor.id },
      });
      const version = await saveTransition(tx, actor, "benefitReport", { reportId: base.id, revisionId: revision.id, intent: input.intent, fromStatus: report?.status ?? null });
      await writeAudit(tx, actor, {
        action: input.intent === "submit" ? "benefit.submit" : "benefit.save",
        entity: "BenefitReport",
        entityId: base.id,
        before: report ? { status: report.status, version: report.version } : null,
        after: {
          project: project.code,
          period,
          status,
          version,
          revisionNo,
          output: figures.output,
          tax: figures.tax,
          jobs: figures.jobs,
          metrics: metrics.map((m) => `${m.name} ${m.value}${m.unit}`),
          note: figures.note,
        },
      });
      return { reportId: base.id, revisionNo, status };
    }, TX_OPTIONS);
  } catch (e) {
    // two first saves of the same period racing: the loser sees a conflict, not an error
    if (isUniqueViolation(e)) throw conflict(period);
    throw e;
  }
}

function conflict(period: string) {
  return new ConflictError(`保存冲突：${period}效益填报已在您打开页面之后被修改或审核。请刷新页面，核对后再保存。`);
}

/** Approves or returns a submitted benefit report (the office). */
export async function reviewBenefitReport(prisma: Db, actor: Actor | null, input: Pick<ReviewInput, "reportId" | "version" | "decision" | "reason">): Promise<ReportStatus> {
  assertCan(actor, "benefit.review");
  return prisma.$transaction(async (tx: Tx) => {
    const report = await tx.benefitReport.findUnique({
      where: { id: input.reportId },
      include: { project: { select: { code: true } }, currentRevision: true, approvedRevision: true },
    });
    assertReviewable("benefitReport", report, input.version);
    const approve = input.decision === "approve";
    return reviewTransition(tx, actor, "benefitReport", report, {
      approve,
      reason: approve ? null : input.reason,
      before: { status: report.status, approvedRevisionNo: report.approvedRevision?.revisionNo ?? null },
      after: {
        project: report.project.code,
        period: benefitPeriodLabel(report.year, report.quarter),
        status: approve ? "APPROVED" : "RETURNED",
        ...(approve ? { approvedRevisionNo: report.currentRevision!.revisionNo } : { returnReason: input.reason }),
      },
    });
  }, TX_OPTIONS);
}
