// 调度期 writes: a month's period is opened automatically when the month is first reported (or
// by the office), counties report into it while it is open, the office publishes it, and may
// re-open it with a reason. Each step is audited in its transaction; a publication is never
// changed, so re-publishing adds a new one and the earlier stays readable.
import { Prisma, type ReportingPeriod } from "@/generated/prisma/client";
import { TX_OPTIONS, type Tx } from "@/server/tx";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { confirmPassword, type RequestContext } from "@/server/auth/reauth";
import { writeAudit } from "@/server/audit/write";
import { NothingChangedError } from "@/server/audit/unchanged";
import { ConflictError, NotFoundError, StateError } from "@/server/errors";
import { businessDate, dayToDate, formatMonth } from "@/lib/month";
import { defaultDeadline, periodTitle } from "@/domain/periods";
import type { OpenPeriodInput, PublishPeriodInput, ReopenPeriodInput } from "@/lib/schemas/period";
import { publishFigures } from "@/server/figures/publish";

/** Publishing computes every project's figures: it may hold the transaction longer than an edit. */
const PUBLISH_TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 } as const;

/**
 * The period of `month`, created (open, with the default deadline) when it does not exist yet,
 * and locked for the rest of the caller's transaction so that publishing waits for it.
 */
async function lockPeriod(tx: Tx, month: string, mode: "share" | "update"): Promise<ReportingPeriod> {
  await tx.$executeRaw`
    INSERT INTO "ReportingPeriod" (month, deadline, "updatedAt")
    VALUES (${month}, ${dayToDate(defaultDeadline(month))}, now())
    ON CONFLICT (month) DO NOTHING`;
  const lock = mode === "share" ? Prisma.sql`FOR SHARE` : Prisma.sql`FOR UPDATE`;
  const rows = await tx.$queryRaw<ReportingPeriod[]>`SELECT * FROM "ReportingPeriod" WHERE month = ${month} ${lock}`;
  return rows[0];
}

/**
 * Refuses a report write or review in a published period: its figures are what leaders read,
 * and only re-opening (with a reason) lets them change. Opens the period when needed.
 */
export async function assertPeriodOpen(tx: Tx, month: string): Promise<void> {
  const period = await lockPeriod(tx, month, "share");
  if (period.status === "PUBLISHED") {
    throw new StateError(`${periodTitle(month)}已发布，不能再填报或审核。如需更正，请园区管理员重新开放该调度期。`);
  }
}

function checkVersion(period: ReportingPeriod, version: number) {
  if (period.version !== version) {
    throw new ConflictError(`${periodTitle(period.month)}在您打开页面之后已被其他人更改（现为${period.status === "PUBLISHED" ? "已发布" : "填报中"}），请刷新页面后再操作。`);
  }
}

/** Publishes a month: computes and stores every project's figures; leaders read them from now on. */
export async function publishPeriod(prisma: Db, actor: Actor | null, input: PublishPeriodInput, today = businessDate()) {
  assertCan(actor, { action: "period.manage" });
  const year = Number(input.month.slice(0, 4));
  if (!(await prisma.annualPlan.findUnique({ where: { year }, select: { id: true } }))) {
    throw new StateError(`没有${year}年的重大项目计划，不能发布${periodTitle(input.month)}。`);
  }
  if (input.month > today.slice(0, 7)) throw new StateError(`${formatMonth(input.month)}尚未到来，不能发布。`);
  return prisma.$transaction(async (tx) => {
    const period = await lockPeriod(tx, input.month, "update");
    checkVersion(period, input.version);
    if (period.status === "PUBLISHED") throw new StateError(`${periodTitle(input.month)}已发布。`);
    const pending = await tx.monthlyReport.count({ where: { month: input.month, status: "SUBMITTED" } });
    if (pending > 0) {
      throw new StateError(`${periodTitle(input.month)}还有${pending}份报表等待审核，请先审核通过或退回，再发布。`);
    }
    const { publicationId, projects } = await publishFigures(tx, {
      month: input.month,
      publishedById: actor.id,
      reopenReason: period.reopenReason,
      asOfDate: today,
    });
    const updated = await tx.reportingPeriod.update({
      where: { id: period.id },
      data: { status: "PUBLISHED", reopenReason: null, reopenedAt: null, version: { increment: 1 } },
    });
    const publication = await tx.periodPublication.findUniqueOrThrow({ where: { id: publicationId } });
    await writeAudit(tx, actor, {
      action: "period.publish",
      entity: "ReportingPeriod",
      entityId: input.month,
      before: { status: period.status, currentPublicationId: period.currentPublicationId },
      after: { status: updated.status, publicationNo: publication.publicationNo, projects, reopenReason: period.reopenReason },
    });
    return { publicationNo: publication.publicationNo, projects };
  }, PUBLISH_TX_OPTIONS);
}

/**
 * Re-opens a published month for corrections; its publications stay readable. Needs the
 * administrator's own password (`reauthPassword`, src/server/auth/reauth.ts).
 */
export async function reopenPeriod(prisma: Db, actor: Actor | null, input: ReopenPeriodInput, request: RequestContext = {}) {
  assertCan(actor, { action: "period.manage" });
  await confirmPassword(prisma, actor, input.reauthPassword, request.address);
  return prisma.$transaction(async (tx) => {
    const period = await tx.$queryRaw<ReportingPeriod[]>`SELECT * FROM "ReportingPeriod" WHERE month = ${input.month} FOR UPDATE`;
    if (!period[0]) throw new NotFoundError(`${periodTitle(input.month)}不存在。`);
    checkVersion(period[0], input.version);
    if (period[0].status !== "PUBLISHED") throw new StateError(`${periodTitle(input.month)}尚未发布，无需重新开放。`);
    await tx.reportingPeriod.update({
      where: { id: period[0].id },
      data: { status: "OPEN", reopenReason: input.reason, reopenedAt: new Date(), version: { increment: 1 } },
    });
    await writeAudit(tx, actor, {
      action: "period.reopen",
      entity: "ReportingPeriod",
      entityId: input.month,
      before: { status: "PUBLISHED" },
      after: { status: "OPEN", reason: input.reason },
      ip: request.address,
    });
  }, TX_OPTIONS);
}

/** Opens a month's period ahead of its first report, or changes an open period's deadline. */
export async function openPeriod(prisma: Db, actor: Actor | null, input: OpenPeriodInput) {
  assertCan(actor, { action: "period.manage" });
  return prisma.$transaction(async (tx) => {
    const before = await tx.reportingPeriod.findUnique({ where: { month: input.month } });
    const period = await lockPeriod(tx, input.month, "update");
    if (period.status === "PUBLISHED") throw new StateError(`${periodTitle(input.month)}已发布，不能修改截止日期。`);
    const deadline = dayToDate(input.deadline);
    if (before && before.deadline.getTime() === deadline.getTime()) throw new NothingChangedError();
    await tx.reportingPeriod.update({ where: { id: period.id }, data: { deadline, version: { increment: 1 } } });
    await writeAudit(tx, actor, {
      action: before ? "period.deadline" : "period.open",
      entity: "ReportingPeriod",
      entityId: input.month,
      before: before ? { deadline: before.deadline.toISOString().slice(0, 10) } : null,
      after: { deadline: input.deadline },
    });
  }, TX_OPTIONS);
}

/** Seeding: makes sure a month's period exists (open, default deadline). */
export async function ensurePeriodAsSystem(prisma: Db, month: string): Promise<void> {
  await prisma.$transaction((tx) => lockPeriod(tx, month, "share"));
}

/**
 * Seeding: publishes a month of imported or demo data as the system (no person), as of the
 * period's deadline. Does nothing when the month is already published.
 */
export async function publishAsSystem(prisma: Db, month: string, note: string, isDemo: boolean): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const period = await lockPeriod(tx, month, "update");
    if (period.status === "PUBLISHED") return false;
    const asOfDate = period.deadline.toISOString().slice(0, 10);
    const { publicationId, projects } = await publishFigures(tx, { month, publishedById: null, asOfDate, periodIsDemo: isDemo });
    await tx.reportingPeriod.update({ where: { id: period.id }, data: { status: "PUBLISHED", isDemo, version: { increment: 1 } } });
    await writeAudit(tx, null, {
      action: "period.publish",
      entity: "ReportingPeriod",
      entityId: month,
      after: { status: "PUBLISHED", publicationId, projects, note },
    });
    return true;
  }, PUBLISH_TX_OPTIONS);
}
