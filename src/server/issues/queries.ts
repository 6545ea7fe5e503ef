// 问题台账 reads: the filtered list with overdue flags and the closure rate, and one issue.
import "server-only";
import type { IssueCategory, IssueStatus, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { businessDate, dayToDate } from "@/lib/month";

export type IssueFilters = { status?: IssueStatus; category?: IssueCategory; parkId?: number; overdue?: boolean };

export type IssueRow = {
  id: number;
  year: number;
  title: string;
  category: IssueCategory;
  subCategory: string | null;
  status: IssueStatus;
  projectCode: string | null;
  projectName: string | null;
  parkId: number | null;
  parkName: string | null;
  responsibleUnit: string | null;
  responsibleLeader: string | null;
  raisedDate: Date | null;
  dueDate: Date | null;
  closedDate: Date | null;
  overdue: boolean;
};

/** Overdue: not closed and the due date lies before today (business time zone). */
export function isOverdue(issue: { status: IssueStatus; dueDate: Date | null }, today = businessDate()): boolean {
  return issue.status !== "CLOSED" && issue.dueDate !== null && issue.dueDate < dayToDate(today);
}

function whereOf(f: IssueFilters, today: Date): Prisma.IssueWhereInput {
  const where: Prisma.IssueWhereInput = {};
  if (f.status) where.status = f.status;
  if (f.category) where.category = f.category;
  if (f.parkId) where.OR = [{ parkId: f.parkId }, { project: { parkId: f.parkId } }];
  if (f.overdue) where.AND = [{ status: { not: "CLOSED" } }, { dueDate: { lt: today } }];
  return where;
}

export async function listIssues(prisma: Db, filters: IssueFilters) {
  const todayDay = businessDate();
  const today = dayToDate(todayDay);
  const where = whereOf(filters, today);
  // one query at a time: the embedded database serves few connections
  const rows = await prisma.issue.findMany({
    where,
    include: { project: { select: { code: true, name: true, parkId: true, park: { select: { name: true } } } }, park: { select: { name: true } } },
    orderBy: [{ status: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { sortOrder: "asc" }, { id: "desc" }],
  });
  const total = rows.length;
  const closed = rows.filter((r) => r.status === "CLOSED").length;
  const overdue = rows.filter((r) => isOverdue(r, todayDay)).length;
  const issues: IssueRow[] = rows.map((i) => ({
    id: i.id,
    year: i.year,
    title: i.title,
    category: i.category,
    subCategory: i.subCategory,
    status: i.status,
    projectCode: i.project?.code ?? null,
    projectName: i.project?.name ?? null,
    parkId: i.project?.parkId ?? i.parkId,
    parkName: i.project?.park.name ?? i.park?.name ?? null,
    responsibleUnit: i.responsibleUnit,
    responsibleLeader: i.responsibleLeader,
    raisedDate: i.raisedDate,
    dueDate: i.dueDate,
    closedDate: i.closedDate,
    overdue: isOverdue(i, todayDay),
  }));
  return { issues, total, closed, overdue, today: todayDay };
}

export async function getIssue(prisma: Db, id: number) {
  const issue = await prisma.issue.findUnique({
    where: { id },
    include: {
      project: { select: { code: true, name: true, parkId: true, park: { select: { name: true } } } },
      park: { select: { name: true } },
      createdBy: { select: { displayName: true } },
      updates: { orderBy: { id: "desc" }, include: { user: { select: { displayName: true } } } },
    },
  });
  if (!issue) return null;
  return { ...issue, effectiveParkId: issue.project?.parkId ?? issue.parkId, overdue: isOverdue(issue) };
}

export async function listParks(prisma: Db) {
  return prisma.park.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

/** Projects a user may pick when raising an issue: all for admins, own park for county staff. */
export async function listProjectChoices(prisma: Db, parkId: number | null) {
  return prisma.project.findMany({
    where: parkId === null ? {} : { parkId },
    orderBy: { code: "asc" },
    select: { code: true, name: true, parkId: true },
  });
}
