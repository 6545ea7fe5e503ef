// 问题台账 writes: raise, assign, record progress, close. Every function takes the acting user
// explicitly, checks permission centrally (issue.write with the issue's park), detects
// concurrent edits by Issue.version (a conditional write: update where id and version), and
// audits in the same transaction.
import "server-only";
import { Prisma, type Issue, type IssueStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged } from "@/server/audit/unchanged";
import { type Tx, TX_OPTIONS, isUniqueViolation, isNoMatch, auditDay as day } from "@/server/tx";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/server/errors";
import { businessDate, dayToDate, formatDay } from "@/lib/month";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";
import type { AssignIssueInput, CloseIssueInput, CreateIssueInput, IssueProgressInput } from "@/lib/schemas/issue";



/** What the audit log records of an issue. */
function snapshot(i: Issue) {
  return {
    year: i.year,
    projectId: i.projectId,
    parkId: i.parkId,
    category: i.category,
    subCategory: i.subCategory,
    title: i.title,
    description: i.description,
    responsibleUnit: i.responsibleUnit,
    responsibleLeader: i.responsibleLeader,
    raisedDate: day(i.raisedDate),
    dueDate: day(i.dueDate),
    status: i.status,
    resolution: i.resolution,
    closedDate: day(i.closedDate),
    version: i.version,
  };
}

/** The park that decides who may write an issue: its project's park, else its own park. */
async function issuePark(prisma: Db, issueId: number): Promise<number | null | undefined> {
  const issue = await prisma.issue.findUnique({ where: { id: issueId }, select: { parkId: true, project: { select: { parkId: true } } } });
  if (!issue) return undefined;
  return issue.project?.parkId ?? issue.parkId;
}

/** Permission first, then existence — so a refused user learns nothing about the issue. */
async function authorizeIssue(prisma: Db, actor: Actor | null, issueId: number): Promise<Actor> {
  const parkId = await issuePark(prisma, issueId);
  if (parkId === undefined) {
    assertCan(actor, "issue.write", { parkId: -1 });
    throw new NotFoundError("问题不存在或已被删除。");
  }
  assertCan(actor, "issue.write", { parkId });
  return actor;
}

async function issueConflict(tx: Tx, issue: Issue, yours: Record<string, string | null>): Promise<ConflictError> {
  const last = await tx.issueUpdate.findFirst({ where: { issueId: issue.id }, orderBy: { id: "desc" }, include: { user: true } });
  return new ConflictError("保存冲突：该问题在您打开页面之后已被他人修改。请核对双方内容后刷新页面再操作。", {
    theirs: {
      status: ISSUE_STATUS_LABEL[issue.status],
      responsibleUnit: issue.responsibleUnit,
      responsibleLeader: issue.responsibleLeader,
      dueDate: day(issue.dueDate),
      resolution: issue.resolution,
      latestUpdate: last?.text ?? null,
    },
    yours,
    by: last?.user?.displayName ?? null,
    at: issue.updatedAt.toISOString(),
  });
}

/** The issue as the form saw it (`version`); another version is a conflict. */
async function readIssue(tx: Tx, issueId: number, version: number, yours: Record<string, string | null>): Promise<Issue> {
  const issue = await tx.issue.findUnique({ where: { id: issueId } });
  if (!issue) throw new NotFoundError("问题不存在或已被删除。");
  if (issue.version !== version) throw await issueConflict(tx, issue, yours);
  return issue;
}

/**
 * Conditional write: changes the issue only while it still has the version read, bumping it.
 * Of concurrent writes from the same version exactly one matches; the others see a conflict.
 */
async function updateIssue(tx: Tx, issue: Issue, data: Prisma.IssueUpdateInput, yours: Record<string, string | null>): Promise<Issue> {
  try {
    return await tx.issue.update({ where: { id: issue.id, version: issue.version }, data: { ...data, version: { increment: 1 } } });
  } catch (e) {
    if (!isNoMatch(e)) throw e;
    const current = await tx.issue.findUnique({ where: { id: issue.id } });
    throw current ? await issueConflict(tx, current, yours) : new NotFoundError("问题不存在或已被删除。");
  }
}

/** Raises an issue about a project (the list year of that project) or about a county park. */
export async function createIssue(prisma: Db, actor: Actor | null, input: CreateIssueInput): Promise<Issue> {
  let projectId: number | null = null;
  let parkId: number | null;
  let year: number | null = null;
  if (input.projectCode) {
    const project = await prisma.project.findUnique({
      where: { code: input.projectCode },
      select: { id: true, parkId: true, planEntries: { select: { plan: { select: { year: true } } } } },
    });
    if (!project) {
      // may this user raise issues at all? then the unknown code is a field error
      assertCan(actor, "issue.write");
      throw new ValidationError({ projectCode: [`项目代码「${input.projectCode}」不存在`] });
    }
    assertCan(actor, "issue.write", { parkId: project.parkId });
    projectId = project.id;
    parkId = project.parkId;
    const years = project.planEntries.map((e) => e.plan.year);
    if (years.length) year = Math.max(...years);
  } else {
    parkId = input.parkId;
    assertCan(actor, "issue.write", { parkId });
    if (parkId !== null && !(await prisma.park.findUnique({ where: { id: parkId } }))) {
      throw new ValidationError({ parkId: ["县区园区不存在"] });
    }
  }
  const raisedDay = input.raisedDate ?? businessDate();
  if (year === null) {
    const latest = await prisma.annualPlan.findFirst({ orderBy: { year: "desc" }, select: { year: true } });
    year = latest?.year ?? Number(raisedDay.slice(0, 4));
  }
  const titleTaken = () => new ValidationError({ title: [`${year}年已有标题为「${input.title}」的问题，请换一个标题或在原问题中更新进展`] });
  if (await prisma.issue.findUnique({ where: { year_title: { year, title: input.title } } })) throw titleTaken();

  try {
    return await prisma.$transaction(async (tx) => {
      const issue = await tx.issue.create({
        data: {
          year: year!,
          projectId,
          parkId,
          category: input.category,
          subCategory: input.subCategory || null,
          title: input.title,
          description: input.description,
          responsibleUnit: input.responsibleUnit || null,
          responsibleLeader: input.responsibleLeader || null,
          raisedDate: dayToDate(raisedDay),
          dueDate: input.dueDate ? dayToDate(input.dueDate) : null,
          status: "OPEN",
          createdById: actor.id,
        },
      });
      await writeAudit(tx, actor, { action: "issue.create", entity: "Issue", entityId: issue.id, after: snapshot(issue) });
      return issue;
    }, TX_OPTIONS);
  } catch (e) {
    if (isUniqueViolation(e)) throw titleTaken();
    throw e;
  }
}

/** Sets the responsible unit, 包保领导 and due date. */
export async function assignIssue(prisma: Db, actor: Actor | null, input: AssignIssueInput): Promise<Issue> {
  const who = await authorizeIssue(prisma, actor, input.issueId);
  return prisma.$transaction(async (tx) => {
    const yours = { responsibleUnit: input.responsibleUnit || null, responsibleLeader: input.responsibleLeader || null, dueDate: input.dueDate };
    const issue = await readIssue(tx, input.issueId, input.version, yours);
    if (issue.status === "CLOSED") throw new StateError("该问题已办结，不能再修改责任安排。");
    if (input.dueDate && issue.raisedDate && dayToDate(input.dueDate) < issue.raisedDate) {
      throw new ValidationError({ dueDate: [`办结时限不能早于提出日期（${formatDay(issue.raisedDate)}）`] });
    }
    const updated = await updateIssue(
      tx,
      issue,
      {
        responsibleUnit: input.responsibleUnit || null,
        responsibleLeader: input.responsibleLeader || null,
        dueDate: input.dueDate ? dayToDate(input.dueDate) : null,
      },
      yours,
    );
    assertChanged(snapshot(issue), snapshot(updated));
    const parts = [
      input.responsibleUnit && `责任单位：${input.responsibleUnit}`,
      input.responsibleLeader && `包保领导：${input.responsibleLeader}`,
      input.dueDate && `办结时限：${formatDay(dayToDate(input.dueDate))}`,
    ].filter(Boolean);
    await tx.issueUpdate.create({
      data: { issueId: issue.id, text: `交办：${parts.join("；") || "清除责任安排"}`, fromStatus: issue.status, toStatus: issue.status, userId: who.id },
    });
    await writeAudit(tx, who, { action: "issue.assign", entity: "Issue", entityId: issue.id, before: snapshot(issue), after: snapshot(updated) });
    return updated;
  }, TX_OPTIONS);
}

/** Records progress; a 待办 issue becomes 办理中. */
export async function addIssueProgress(prisma: Db, actor: Actor | null, input: IssueProgressInput): Promise<Issue> {
  const who = await authorizeIssue(prisma, actor, input.issueId);
  return prisma.$transaction(async (tx) => {
    const yours = { latestUpdate: input.text };
    const issue = await readIssue(tx, input.issueId, input.version, yours);
    if (issue.status === "CLOSED") throw new StateError("该问题已办结，不能再更新进展。");
    const status: IssueStatus = "IN_PROGRESS";
    const updated = await updateIssue(tx, issue, { status }, yours);
    await tx.issueUpdate.create({ data: { issueId: issue.id, text: input.text, fromStatus: issue.status, toStatus: status, userId: who.id } });
    await writeAudit(tx, who, {
      action: "issue.progress",
      entity: "Issue",
      entityId: issue.id,
      before: { status: issue.status, version: issue.version },
      after: { status, version: updated.version, progress: input.text },
    });
    return updated;
  }, TX_OPTIONS);
}

/** Closes an issue with its resolution (已办结). */
export async function closeIssue(prisma: Db, actor: Actor | null, input: CloseIssueInput): Promise<Issue> {
  const who = await authorizeIssue(prisma, actor, input.issueId);
  return prisma.$transaction(async (tx) => {
    const yours = { status: ISSUE_STATUS_LABEL.CLOSED, resolution: input.resolution };
    const issue = await readIssue(tx, input.issueId, input.version, yours);
    if (issue.status === "CLOSED") throw new StateError("该问题已经办结。");
    const closedDay = input.closedDate ?? businessDate();
    if (issue.raisedDate && dayToDate(closedDay) < issue.raisedDate) {
      throw new ValidationError({ closedDate: [`办结日期不能早于提出日期（${formatDay(issue.raisedDate)}）`] });
    }
    const updated = await updateIssue(tx, issue, { status: "CLOSED", resolution: input.resolution, closedDate: dayToDate(closedDay) }, yours);
    await tx.issueUpdate.create({
      data: { issueId: issue.id, text: `办结：${input.resolution}`, fromStatus: issue.status, toStatus: "CLOSED", userId: who.id },
    });
    await writeAudit(tx, who, { action: "issue.close", entity: "Issue", entityId: issue.id, before: snapshot(issue), after: snapshot(updated) });
    return updated;
  }, TX_OPTIONS);
}

