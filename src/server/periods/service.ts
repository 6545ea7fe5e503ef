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
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/server/errors";
import { businessDate, businessInstant, dayToDate, formatMonth } from "@/lib/month";
import {
  defaultDeadline,
  leftBehindText,
  leftBehindToken,
  needsPublishConfirmation,
  periodTitle,
  publishedMonthNotice,
  publishedMonthOfficeNotice,
  CORRECTION_STATUS_LABEL,
} from "@/domain/periods";
import type { DeclineCorrectionInput, OpenPeriodInput, PublishPeriodInput, ReopenPeriodInput, RequestCorrectionInput } from "@/lib/schemas/period";
import { publishFigures } from "@/server/figures/publish";
import { countLeftBehind } from "./left-behind";

/** Publishing computes every project's figures: it may hold the transaction longer than an edit. */
const PUBLISH_TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 } as const;

/**
 * The period of `month`, created (open, with the default deadline) when it does not exist yet,
 * and locked for the rest of the caller's transaction so that publishing waits for it.
 */
async function lockPeriod(tx: Tx, month: string, mode: "share" | "update"): Promise<ReportingPeriod> {
  const lock = mode === "share" ? Prisma.sql`FOR SHARE` : Prisma.sql`FOR UPDATE`;
  const locked = () => tx.$queryRaw<ReportingPeriod[]>`SELECT * FROM "ReportingPeriod" WHERE month = ${month} ${lock}`;
  // the period exists once its month has had a write: one statement for every save but the first
  const rows = await locked();
  if (rows.length) return rows[0];
  await tx.$executeRaw`
    INSERT INTO "ReportingPeriod" (month, deadline, "updatedAt")
    VALUES (${month}, ${dayToDate(defaultDeadline(month))}, now())
    ON CONFLICT (month) DO NOTHING`;
  return (await locked())[0];
}

/**
 * Refuses a report write or review in a published period: its figures are what leaders read,
 * and only re-opening (with a reason) lets them change. Opens the period when needed. The county
 * reads the words its form showed before it typed (publishedMonthNotice: 按未报处理, or 只读 when
 * the month had an approved report); a review gets the office's.
 */
export async function assertPeriodOpen(tx: Tx, month: string, words: { hadApproved?: boolean; office?: boolean } = {}): Promise<void> {
  const period = await lockPeriod(tx, month, "share");
  if (period.status === "PUBLISHED") {
    throw new StateError(words.office ? publishedMonthOfficeNotice(month) : publishedMonthNotice(month, words.hadApproved ?? false));
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
    // what would be published as 未报 (or with its earlier approved figure) is confirmed by name
    // and count; a confirmation given for other counts (the page was older) is refused
    const left = await countLeftBehind(tx, input.month);
    if (needsPublishConfirmation(left) && input.leftBehind === undefined) {
      throw new ValidationError({ leftBehind: [`${leftBehindText(left)}。请勾选确认后再发布。`] }, `${leftBehindText(left)}，请确认后再发布。`);
    }
    if (input.leftBehind !== undefined && input.leftBehind !== leftBehindToken(left)) {
      throw new ConflictError(`在您打开页面之后，未审核通过的项目有了变化（现在${leftBehindText(left)}），请刷新页面核对后再发布。`);
    }
    const { publicationId, projects, qualityFlags } = await publishFigures(tx, {
      month: input.month,
      publishedById: actor.id,
      reopenReason: period.reopenReason,
      asOfDate: today,
      // on the demo's date (APP_TODAY) the publication is stamped on that day, as the story tells it
      publishedAt: businessInstant(),
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
      after: {
        status: updated.status,
        publicationNo: publication.publicationNo,
        projects,
        reopenReason: period.reopenReason,
        leftReturned: left.returned,
        leftDraft: left.draft,
        leftMissing: left.missing,
        leftCorrections: left.correction,
        qualityFlags,
      },
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
    const now = new Date();
    await tx.reportingPeriod.update({
      where: { id: period[0].id },
      data: { status: "OPEN", reopenReason: input.reason, reopenedAt: now, version: { increment: 1 } },
    });
    await writeAudit(tx, actor, {
      action: "period.reopen",
      entity: "ReportingPeriod",
      entityId: input.month,
      before: { status: "PUBLISHED" },
      after: { status: "OPEN", reason: input.reason },
      ip: request.address,
    });
    // the month's pending 申请更正 are answered by the re-opening: its reason is their reply
    const pending = await tx.correctionRequest.findMany({ where: { periodId: period[0].id, status: "PENDING" }, orderBy: { id: "asc" } });
    for (const c of pending) await decideCorrection(tx, actor, { ...c, month: input.month }, "REOPENED", input.reason, now, request.address);
    return { corrections: pending.length };
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
    // the demo's months were published on their deadline (10:00 China time), as its story tells it;
    // imported data is published when it is imported
    const publishedAt = isDemo ? new Date(`${asOfDate}T02:00:00Z`) : undefined;
    const { publicationId, projects } = await publishFigures(tx, { month, publishedById: null, asOfDate, publishedAt, periodIsDemo: isDemo });
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

// ---- 申请更正 -----------------------------------------------------------------------------------

/**
 * A county asks the office to re-open a published month for one of its projects, with a reason.
 * Only for a published month, and one pending request per project and month.
 */
export async function requestCorrection(prisma: Db, actor: Actor | null, input: RequestCorrectionInput) {
  assertCan(actor, "correction.request");
  const project = await prisma.project.findUnique({ where: { code: input.projectCode }, select: { id: true, parkId: true, code: true, name: true } });
  // permission first: an unknown code tells nothing more than another park's
  assertCan(actor, "correction.request", { parkId: project?.parkId ?? -1 });
  if (!project) throw new NotFoundError("项目不存在。");
  return prisma.$transaction(async (tx) => {
    const period = await tx.$queryRaw<ReportingPeriod[]>`SELECT * FROM "ReportingPeriod" WHERE month = ${input.month} FOR UPDATE`;
    if (!period[0] || period[0].status !== "PUBLISHED") {
      throw new StateError(`${formatMonth(input.month)}未发布（或已重新开放），可以直接填报，无需申请更正。`);
    }
    const open = await tx.correctionRequest.findFirst({ where: { periodId: period[0].id, projectId: project.id, status: "PENDING" } });
    if (open) throw new StateError(`已于${open.createdAt.toISOString().slice(0, 10)}申请更正${formatMonth(input.month)}的该项目，正在等待园区处理，无需重复申请。`);
    const created = await tx.correctionRequest.create({
      data: { periodId: period[0].id, projectId: project.id, requestedById: actor.id, reason: input.reason },
    });
    await writeAudit(tx, actor, {
      action: "correction.request",
      entity: "CorrectionRequest",
      entityId: String(created.id),
      after: { month: input.month, project: `${project.code} ${project.name}`, reason: input.reason, status: "PENDING" },
    });
    return { id: created.id };
  }, TX_OPTIONS);
}

/** A pending 申请更正 answered (re-opened or declined) with its reply, and audited, in the caller's transaction. */
async function decideCorrection(
  tx: Tx,
  actor: Actor,
  c: { id: number; version: number; month: string },
  status: "REOPENED" | "DECLINED",
  reply: string,
  at: Date,
  ip?: string | null,
) {
  await tx.correctionRequest.update({
    where: { id: c.id, version: c.version, status: "PENDING" },
    data: { status, reply, decidedById: actor.id, decidedAt: at, version: { increment: 1 } },
  });
  await writeAudit(tx, actor, {
    action: status === "REOPENED" ? "correction.reopen" : "correction.decline",
    entity: "CorrectionRequest",
    entityId: String(c.id),
    before: { status: "PENDING" },
    after: { status, month: c.month, reply },
    ip,
  });
}

/** The office declines a 申请更正 with a reply the county reads on its to-do and its form. */
export async function declineCorrection(prisma: Db, actor: Actor | null, input: DeclineCorrectionInput) {
  assertCan(actor, "correction.decide");
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: number; version: number; status: keyof typeof CORRECTION_STATUS_LABEL; month: string; decidedBy: string | null }>>`
      SELECT c.id, c.version, c.status::text AS status, rp.month, d."displayName" AS "decidedBy"
        FROM "CorrectionRequest" c JOIN "ReportingPeriod" rp ON rp.id = c."periodId" LEFT JOIN "User" d ON d.id = c."decidedById"
       WHERE c.id = ${input.requestId} FOR UPDATE OF c`;
    const c = rows[0];
    if (!c) throw new NotFoundError("更正申请不存在。");
    if (c.status !== "PENDING") {
      throw new ConflictError(`该更正申请已由${c.decidedBy ?? "其他管理员"}处理（${CORRECTION_STATUS_LABEL[c.status]}），请刷新页面。`);
    }
    if (c.version !== input.version) throw new ConflictError("该更正申请在您打开页面之后已有变化，请刷新页面后再处理。");
    await decideCorrection(tx, actor, c, "DECLINED", input.reply, new Date());
    return { id: c.id };
  }, TX_OPTIONS);
}
