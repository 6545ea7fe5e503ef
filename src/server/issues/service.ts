// 问题台账 writes: raise an issue, then the 督办 loop — 交办, 签收, 办理, 反馈, 复核 (accept or send
// back), 直接办结. Every loop step asks the one transition table (src/domain/issue-loop.ts) whether it
// may follow the issue's status and which permission it needs (checked centrally with the issue's
// park); each is one transaction: a conditional write on Issue.version (update where id and
// version), an IssueUpdate row, an audit row. `today` (business date) is a parameter so tests fix it.
import { issueSubCategory } from "@/domain/issue-categories";
import "server-only";
import { Prisma, type Issue } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged } from "@/server/audit/unchanged";
import { type Tx, TX_OPTIONS, isUniqueViolation, isNoMatch, auditDay as day } from "@/server/tx";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/server/errors";
import { businessDate, dayToDate, formatDay } from "@/lib/month";
import { formatWan } from "@/lib/money";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";
import { ISSUE_LOOP, nextStatus, stepRefusal, type IssueLoopAction } from "@/domain/issue-loop";
import type { AuditAction } from "@/server/audit/names";
import type { AcknowledgeIssueInput, AssignIssueInput, CloseIssueInput, CreateIssueInput, FeedbackIssueInput, IssueProgressInput, ReviewIssueInput } from "@/lib/schemas/issue";

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
    assignedDate: day(i.assignedDate),
    acknowledgedDate: day(i.acknowledgedDate),
    feedbackDate: day(i.feedbackDate),
    feedback: i.feedback,
    reviewComment: i.reviewComment,
    fundingSource: i.fundingSource,
    fundingGap: i.fundingGap?.toString() ?? null,
    version: i.version,
  };
}

/** The park that decides who may write an issue: its project's park, else its own park. */
async function issuePark(prisma: Db, issueId: number): Promise<number | null | undefined> {
  const issue = await prisma.issue.findUnique({ where: { id: issueId }, select: { parkId: true, project: { select: { parkId: true } } } });
  if (!issue) return undefined;
  return issue.project?.parkId ?? issue.parkId;
}

/**
 * May `actor` take the loop step `action` on the issue (its permission, on the issue's park)?
 * Permission first, then existence: who may not take the step at all learns nothing.
 */
async function authorizeStep(prisma: Db, actor: Actor | null, issueId: number, action: IssueLoopAction): Promise<Actor> {
  const permission = ISSUE_LOOP[action].permission;
  const parkId = await issuePark(prisma, issueId);
  if (parkId === undefined) {
    assertCan(actor, permission);
    throw new NotFoundError("问题不存在或已被删除。");
  }
  assertCan(actor, permission, { parkId });
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
          // the sub-category says its category (src/domain/issue-categories.ts)
          category: issueSubCategory(input.subCategory)!.category,
          subCategory: input.subCategory,
          title: input.title,
          description: input.description,
          responsibleUnit: input.responsibleUnit || null,
          responsibleLeader: input.responsibleLeader || null,
          raisedDate: dayToDate(raisedDay),
          dueDate: input.dueDate ? dayToDate(input.dueDate) : null,
          fundingSource: input.fundingSource ?? null,
          fundingGap: input.fundingGap,
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

type StepSpec = {
  /** what the form sent, shown beside the other version on a conflict */
  yours: Record<string, string | null>;
  /** checks that need the stored issue (after the transition table allowed the step) */
  check?: (issue: Issue) => void;
  /** the columns the step sets besides the status */
  data: (issue: Issue) => Prisma.IssueUpdateInput;
  /** the line it adds to the issue's 办理过程 (the step's name is its `action`) */
  text: (issue: Issue) => string;
  /** extra audit fields (e.g. the progress note, which is not an issue column) */
  auditExtra?: Record<string, string>;
  /** refuse a step that changes nothing (re-交办 with the same values) */
  mustChange?: boolean;
};

const AUDIT_OF: Record<IssueLoopAction, AuditAction> = {
  assign: "issue.assign",
  acknowledge: "issue.acknowledge",
  progress: "issue.progress",
  feedback: "issue.feedback",
  accept: "issue.accept",
  return: "issue.return",
  close: "issue.close",
};

/**
 * One step of the loop, in one transaction: the issue as the form saw it (version), the
 * transition table's answer for its status, the conditional write, the 办理过程 line, the audit row.
 */
async function runStep(prisma: Db, actor: Actor | null, action: IssueLoopAction, input: { issueId: number; version: number }, spec: StepSpec): Promise<Issue> {
  const who = await authorizeStep(prisma, actor, input.issueId, action);
  return prisma.$transaction(async (tx) => {
    const issue = await readIssue(tx, input.issueId, input.version, spec.yours);
    const status = nextStatus(issue.status, action);
    if (status === null) throw new StateError(stepRefusal(issue.status, action, ISSUE_STATUS_LABEL[issue.status]));
    spec.check?.(issue);
    const updated = await updateIssue(tx, issue, { ...spec.data(issue), status }, spec.yours);
    if (spec.mustChange) assertChanged(snapshot(issue), snapshot(updated));
    await tx.issueUpdate.create({ data: { issueId: issue.id, text: spec.text(issue), fromStatus: issue.status, toStatus: status, action, userId: who.id } });
    await writeAudit(tx, who, {
      action: AUDIT_OF[action],
      entity: "Issue",
      entityId: issue.id,
      before: snapshot(issue),
      after: { ...snapshot(updated), ...spec.auditExtra },
    });
    return updated;
  }, TX_OPTIONS);
}

function notBeforeRaised(issue: Issue, dayText: string, field: string, label: string): void {
  if (issue.raisedDate && dayToDate(dayText) < issue.raisedDate) {
    throw new ValidationError({ [field]: [`${label}不能早于提出日期（${formatDay(issue.raisedDate)}）`] });
  }
}

/** 交办 (or adjusting it): the responsible unit, 包保领导 and deadline. */
export async function assignIssue(prisma: Db, actor: Actor | null, input: AssignIssueInput, today = businessDate()): Promise<Issue> {
  const yours = { responsibleUnit: input.responsibleUnit, responsibleLeader: input.responsibleLeader, dueDate: input.dueDate };
  return runStep(prisma, actor, "assign", input, {
    yours,
    mustChange: true,
    check: (issue) => notBeforeRaised(issue, input.dueDate!, "dueDate", "办结时限"),
    data: (issue) => ({
      responsibleUnit: input.responsibleUnit,
      responsibleLeader: input.responsibleLeader,
      dueDate: dayToDate(input.dueDate!),
      assignedDate: issue.status === "OPEN" ? dayToDate(today) : undefined,
    }),
    text: () => `责任单位：${input.responsibleUnit}；包保领导：${input.responsibleLeader}；办结时限：${formatDay(dayToDate(input.dueDate!))}`,
  });
}

/** 签收: the responsible unit acknowledges; the issue is 办理中. */
export async function acknowledgeIssue(prisma: Db, actor: Actor | null, input: AcknowledgeIssueInput, today = businessDate()): Promise<Issue> {
  return runStep(prisma, actor, "acknowledge", input, {
    yours: { status: "签收", latestUpdate: input.note || null },
    data: () => ({ acknowledgedDate: dayToDate(today) }),
    text: () => input.note || "已签收",
  });
}

/**
 * 办理: a progress note while 办理中. A 资金问题 may say its 资金缺口 now (money arrived, or more is
 * needed): the issue keeps the new amount, the note says from what to what.
 */
export async function addIssueProgress(prisma: Db, actor: Actor | null, input: IssueProgressInput): Promise<Issue> {
  const gap = input.fundingGap ?? null;
  return runStep(prisma, actor, "progress", input, {
    yours: { latestUpdate: input.text, ...(gap === null ? {} : { fundingGap: gap.toString() }) },
    check: (issue) => {
      if (gap !== null && issue.category !== "FUNDING") throw new ValidationError({ fundingGap: ["资金缺口只用于“资金问题”类别的问题：请清空这一项"] });
    },
    data: () => (gap === null ? {} : { fundingGap: gap }),
    text: (issue) => (gap === null ? input.text : `${input.text}（资金缺口：${issue.fundingGap === null ? "未注明" : formatWan(issue.fundingGap)} → ${formatWan(gap)}）`),
    auditExtra: { progress: input.text },
  });
}

/** 反馈: the unit reports the issue done, with what was done; it waits for 复核. */
export async function feedbackIssue(prisma: Db, actor: Actor | null, input: FeedbackIssueInput, today = businessDate()): Promise<Issue> {
  return runStep(prisma, actor, "feedback", input, {
    yours: { status: ISSUE_STATUS_LABEL.FEEDBACK, feedback: input.feedback },
    data: () => ({ feedback: input.feedback, feedbackDate: dayToDate(today) }),
    text: () => input.feedback,
  });
}

/** 复核: accept (已办结, the feedback becomes the resolution) or send back to 办理 with the reason. */
export async function reviewIssue(prisma: Db, actor: Actor | null, input: ReviewIssueInput, today = businessDate()): Promise<Issue> {
  const comment = input.comment || null;
  if (input.decision === "return") {
    return runStep(prisma, actor, "return", input, {
      yours: { status: ISSUE_STATUS_LABEL.IN_PROGRESS, reviewComment: comment },
      data: () => ({ reviewComment: comment, feedback: null, feedbackDate: null }),
      text: () => input.comment,
    });
  }
  const closedDay = input.closedDate ?? today;
  return runStep(prisma, actor, "accept", input, {
    yours: { status: ISSUE_STATUS_LABEL.CLOSED, reviewComment: comment },
    check: (issue) => notBeforeRaised(issue, closedDay, "closedDate", "办结日期"),
    data: (issue) => ({ reviewComment: comment, resolution: issue.feedback, closedDate: dayToDate(closedDay) }),
    text: () => comment ?? "同意办结",
  });
}

/** 直接办结: the office closes an issue nobody has acknowledged yet, with its resolution. */
export async function closeIssue(prisma: Db, actor: Actor | null, input: CloseIssueInput, today = businessDate()): Promise<Issue> {
  const closedDay = input.closedDate ?? today;
  return runStep(prisma, actor, "close", input, {
    yours: { status: ISSUE_STATUS_LABEL.CLOSED, resolution: input.resolution },
    check: (issue) => notBeforeRaised(issue, closedDay, "closedDate", "办结日期"),
    data: () => ({ resolution: input.resolution, closedDate: dayToDate(closedDay) }),
    text: () => input.resolution,
  });
}
