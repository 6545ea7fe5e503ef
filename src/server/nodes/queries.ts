// Node plans and 入库 reads: counts of 临期/超期 nodes and of 已开工未入库 projects (one grouped
// statement each), and the paged lists behind them. States are evaluated in SQL at read time
// with `today` passed in (src/domain/nodes.ts), so tests inject the clock.
import "server-only";
import { Prisma, type MilestoneKind } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { type NodeState, nodeAttentionSql, nodeStateSql, startedNotEnteredSql } from "@/domain/nodes";

export type NodeScope = {
  /** business date "YYYY-MM-DD" */
  today: string;
  dueSoonDays: number;
  /** one county park (undefined: all) */
  parkId?: number;
  /** only projects on this year's list (undefined: every project) */
  year?: number;
};

function scopeSql(s: { parkId?: number; year?: number }, p = "p"): Prisma.Sql {
  const a = Prisma.raw(`"${p}"`);
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  if (s.parkId !== undefined) parts.push(Prisma.sql`${a}."parkId" = ${s.parkId}`);
  if (s.year !== undefined) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "AnnualPlanEntry" e JOIN "AnnualPlan" ap ON ap.id = e."planId" WHERE e."projectId" = ${a}.id AND ap.year = ${s.year})`);
  }
  return Prisma.join(parts, " AND ");
}

export type NodeCounts = { overdue: number; dueSoon: number };

/** How many nodes are 超期 and 临期 on `today` within the scope: one statement. */
export async function getNodeCounts(prisma: Db, s: NodeScope): Promise<NodeCounts> {
  const [row] = await prisma.$queryRaw<Array<{ overdue: number; dueSoon: number }>>(Prisma.sql`
    SELECT count(*) FILTER (WHERE ${nodeStateSql(s.today, s.dueSoonDays)} = 'overdue')::int AS overdue,
           count(*) FILTER (WHERE ${nodeStateSql(s.today, s.dueSoonDays)} = 'due-soon')::int AS "dueSoon"
      FROM "Milestone" m
      JOIN "Project" p ON p.id = m."projectId"
     WHERE ${nodeAttentionSql(s.today, s.dueSoonDays)} AND ${scopeSql(s)}`);
  return row ?? { overdue: 0, dueSoon: 0 };
}

export type AttentionNode = {
  id: number;
  kind: MilestoneKind;
  name: string;
  plannedDate: Date;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  state: Extract<NodeState, "overdue" | "due-soon">;
  isDemo: boolean;
  projectCode: string;
  projectName: string;
  parkId: number;
  parkName: string;
};

/**
 * The scope's 超期 and 临期 nodes (`only` one of the two when given), longest overdue first:
 * the total and one page, filtered, sorted and cut in SQL.
 */
export async function listAttentionNodes(
  prisma: Db,
  s: NodeScope & { only?: "overdue" | "due-soon"; page: number; size: number },
): Promise<{ total: number; rows: AttentionNode[] }> {
  const state = nodeStateSql(s.today, s.dueSoonDays);
  const where = Prisma.sql`${nodeAttentionSql(s.today, s.dueSoonDays)} AND ${scopeSql(s)}
    ${s.only ? Prisma.sql`AND ${state} = ${s.only}` : Prisma.empty}`;
  const from = Prisma.sql`FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" JOIN "Park" pk ON pk.id = p."parkId"`;
  const [count, rows] = await Promise.all([
    // counted without the park (every project has one): 20,000 nodes need not be joined to it
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" WHERE ${where}`),
    prisma.$queryRaw<AttentionNode[]>(Prisma.sql`
      SELECT m.id, m.kind, m.name, m."plannedDate", m."responsibleUnit", m."responsiblePerson", ${state} AS state, m."isDemo",
             p.code AS "projectCode", p.name AS "projectName", pk.id AS "parkId", pk.name AS "parkName"
        ${from}
       WHERE ${where}
       ORDER BY m."plannedDate", p.code, m."sortOrder", m.id
       LIMIT ${s.size} OFFSET ${(Math.max(1, s.page) - 1) * s.size}`),
  ]);
  return { total: count[0]?.n ?? 0, rows };
}

export type NotEnteredProject = {
  code: string;
  name: string;
  parkName: string;
  actualStartMonth: string;
  totalInvestment: string;
  isDemo: boolean;
};

/** 已开工未入库 as of `month`: how many in the scope, and the longest-waiting `limit` of them. */
export async function listStartedNotEntered(
  prisma: Db,
  s: { month: string; parkId?: number; year?: number; limit: number; offset?: number },
): Promise<{ total: number; rows: NotEnteredProject[] }> {
  const where = Prisma.sql`${startedNotEnteredSql(s.month)} AND ${scopeSql(s)}`;
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "Project" p WHERE ${where}`),
    s.limit === 0
      ? Promise.resolve([])
      : prisma.$queryRaw<NotEnteredProject[]>(Prisma.sql`
          SELECT p.code, p.name, pk.name AS "parkName", p."actualStartMonth", p."totalInvestment"::text AS "totalInvestment", p."isDemo"
            FROM "Project" p JOIN "Park" pk ON pk.id = p."parkId"
           WHERE ${where}
           ORDER BY p."actualStartMonth", p.code
           LIMIT ${s.limit} OFFSET ${s.offset ?? 0}`),
  ]);
  return { total: count[0]?.n ?? 0, rows };
}

/** A project's nodes with who recorded their actual dates, in plan order. */
export async function listProjectNodes(prisma: Db, projectId: number) {
  return prisma.milestone.findMany({
    where: { projectId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    include: { actualRecordedBy: { select: { displayName: true } } },
  });
}

/** A project's 入库 facts and its 入统数 by month (newest first, at most `limit`). */
export async function getProjectStats(prisma: Db, projectId: number, limit = 24) {
  const [project, figures] = await Promise.all([
    prisma.project.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        statsEnteredMonth: true,
        statsRecordedAt: true,
        statsRecordedBy: { select: { displayName: true } },
        totalInvestment: true,
        actualStartMonth: true,
        parkId: true,
        version: true,
      },
    }),
    prisma.projectStatsFigure.findMany({
      where: { projectId },
      orderBy: { month: "desc" },
      take: limit,
      include: { recordedBy: { select: { displayName: true } } },
    }),
  ]);
  return { ...project, figures };
}
