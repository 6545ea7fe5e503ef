// Each business rule has one definition: a SQL fragment (used by the dashboards' queries) and
// its TypeScript twin (used by pages, services and the warning rules), side by side in one
// module. Here both forms answer the same cases, so neither can drift from the other. (The figure
// rules of src/domain — counted revision, annual rate, 序时进度 — are pinned in figure-rules.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { escalatedSql, isEscalated, isOverdue, overdueSql } from "@/domain/overdue";
import { isStale, staleSql } from "@/domain/stale";
import { byDeadline, byDeadlineSql } from "@/domain/deadlines";
import { dayToDate } from "@/lib/month";
import { nodeState, startedNotEntered, nodeAttentionSql, nodeStateSql, startedNotEnteredSql } from "@/domain/nodes";
import { LEFT_BEHIND_GROUP_SQL, leftBehindGroup, type LeftBehindGroup, type LeftBehindReport } from "@/domain/periods";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

/** Runs `select` over one VALUES row per case and returns the answers in case order. */
async function sqlAnswers<T>(rows: Prisma.Sql[], columns: string, select: Prisma.Sql): Promise<T[]> {
  const values = Prisma.join(rows.map((r, k) => Prisma.sql`(${k}::int, ${r})`));
  const result = await t.prisma.$queryRaw<Array<{ k: number; v: T }>>(Prisma.sql`SELECT v.k, ${select} AS v FROM (VALUES ${values}) AS v(k, ${Prisma.raw(columns)}) ORDER BY v.k`);
  return result.map((r) => r.v);
}

describe("overdue (逾期)", () => {
  const today = "2024-06-15";
  const cases: Array<[string, "OPEN" | "IN_PROGRESS" | "CLOSED", string | null, boolean]> = [
    ["open, due yesterday", "OPEN", "2024-06-14", true],
    ["open, due today", "OPEN", "2024-06-15", false],
    ["open, due tomorrow", "OPEN", "2024-06-16", false],
    ["in progress, due long ago", "IN_PROGRESS", "2024-01-01", true],
    ["closed, due long ago", "CLOSED", "2024-01-01", false],
    ["open, no due date", "OPEN", null, false],
  ];
  it("SQL and TypeScript give the same answers", async () => {
    const expected = cases.map((c) => c[3]);
    const ts = cases.map(([, status, due]) => isOverdue({ status, dueDate: due ? dayToDate(due) : null }, today));
    const sql = await sqlAnswers<boolean>(
      cases.map(([, status, due]) => Prisma.sql`${status}::text, ${due}::date`),
      `status, "dueDate"`,
      // the fragment reads the issue alias "i": the VALUES row is given that name
      Prisma.sql`(SELECT ${overdueSql(today)} FROM (SELECT v.status, v."dueDate") AS i)`,
    );
    expect(ts).toEqual(expected);
    expect(sql).toEqual(expected);
  });
});

describe("escalated (已升级督办): overdue by more than the configured days", () => {
  const today = "2024-06-15";
  type S = "OPEN" | "ASSIGNED" | "IN_PROGRESS" | "FEEDBACK" | "CLOSED";
  // [label, status, due date, days, escalated]
  const cases: Array<[string, S, string | null, number, boolean]> = [
    ["7 days overdue with 7 days configured: not yet", "IN_PROGRESS", "2024-06-08", 7, false],
    ["8 days overdue with 7 days configured", "IN_PROGRESS", "2024-06-07", 7, true],
    ["8 days overdue with 8 days configured: not yet", "ASSIGNED", "2024-06-07", 8, false],
    ["awaiting 复核, long overdue", "FEEDBACK", "2024-01-01", 7, true],
    ["closed, long overdue", "CLOSED", "2024-01-01", 7, false],
    ["no due date", "OPEN", null, 7, false],
    ["0 days configured: escalates as soon as overdue", "ASSIGNED", "2024-06-14", 0, true],
    ["0 days configured, due today", "ASSIGNED", "2024-06-15", 0, false],
    ["across a month end", "IN_PROGRESS", "2024-05-31", 14, true],
  ];
  it("SQL and TypeScript give the same answers", async () => {
    const expected = cases.map((c) => c[4]);
    const ts = cases.map(([, status, due, days]) => isEscalated({ status, dueDate: due ? dayToDate(due) : null }, today, days));
    const sql: boolean[] = [];
    for (const [, status, due, days] of cases) {
      const [v] = await sqlAnswers<boolean>(
        [Prisma.sql`${status}::text, ${due}::date`],
        `status, "dueDate"`,
        Prisma.sql`(SELECT ${escalatedSql(today, days)} FROM (SELECT v.status, v."dueDate") AS i)`,
      );
      sql.push(v);
    }
    expect(ts).toEqual(expected);
    expect(sql).toEqual(expected);
  });
});

describe("stale (数据未更新)", () => {
  const cases: Array<[string, string | null, string, boolean]> = [
    ["reported the reference month", "2024-11", "2024-11", false],
    ["latest figure a month older", "2024-10", "2024-11", true],
    ["latest figure in an earlier year", "2023-12", "2024-11", true],
    ["no figure at all", null, "2024-11", true],
  ];
  it("SQL and TypeScript give the same answers", async () => {
    const expected = cases.map((c) => c[3]);
    const ts = cases.map(([, latest, ref]) => isStale(latest, ref));
    const sql = await sqlAnswers<boolean>(
      cases.map(([, latest, ref]) => Prisma.sql`${latest}::text, ${ref}::text`),
      "latest, ref",
      staleSql(Prisma.sql`v.latest`, Prisma.sql`v.ref`),
    );
    expect(ts).toEqual(expected);
    expect(sql).toEqual(expected);
  });
});

describe("按期开工 / 按期投产 (on or before the deadline's month)", () => {
  const deadline = "2024-04-30";
  const cases: Array<[string, string | null, boolean]> = [
    ["started in the deadline's month", "2024-04", true],
    ["started before", "2023-12", true],
    ["started the month after", "2024-05", false],
    ["not started", null, false],
  ];
  it("SQL and TypeScript give the same answers, with the deadline as a date or as text", async () => {
    const expected = cases.map((c) => c[2]);
    for (const d of [deadline, dayToDate(deadline)]) {
      const ts = cases.map(([, month]) => byDeadline(month, d));
      const sql = await sqlAnswers<boolean>(
        cases.map(([, month]) => Prisma.sql`${month}::text`),
        "m",
        byDeadlineSql(Prisma.sql`v.m`, d),
      );
      expect(ts).toEqual(expected);
      expect(sql).toEqual(expected);
    }
  });
});

describe("节点状态 (已完成 / 临期 / 超期 / 未到期), evaluated with today passed in", () => {
  const today = "2024-06-15";
  const days = 7;
  type Case = [string, string, string | null, string | null, { start: string | null; production: string | null; stats: string | null }, string];
  const none = { start: null, production: null, stats: null };
  const cases: Case[] = [
    ["due today", "EQUIPMENT", "2024-06-15", null, none, "due-soon"],
    ["due in N days", "EQUIPMENT", "2024-06-22", null, none, "due-soon"],
    ["due in N + 1 days", "EQUIPMENT", "2024-06-23", null, none, "pending"],
    ["one day overdue", "EQUIPMENT", "2024-06-14", null, none, "overdue"],
    ["reached late", "EQUIPMENT", "2024-06-01", "2024-06-10", none, "done"],
    ["no planned date", "LAND", null, null, none, "pending"],
    ["开工 recorded by the project's start month", "START", "2024-04-30", null, { ...none, start: "2024-05" }, "done"],
    ["投产 not yet, the project only started", "PRODUCTION", "2024-06-01", null, { ...none, start: "2024-05" }, "overdue"],
    ["投产 recorded by the project's production month", "PRODUCTION", "2024-06-01", null, { ...none, production: "2024-06" }, "done"],
    ["入库 recorded by the project's 入库 month", "STATS_ENTRY", "2024-06-01", null, { ...none, stats: "2024-06" }, "done"],
  ];
  it("SQL and TypeScript give the same answers, and the attention filter keeps exactly 临期 and 超期", async () => {
    const expected = cases.map((c) => c[5]);
    const ts = cases.map(([, kind, planned, actual, f]) =>
      nodeState({ kind, planned, actual }, { actualStartMonth: f.start, actualProductionMonth: f.production, statsEnteredMonth: f.stats }, today, days),
    );
    const rows = cases.map(
      ([, kind, planned, actual, f]) => Prisma.sql`${kind}::text, ${planned}::date, ${actual}::date, ${f.start}::text, ${f.production}::text, ${f.stats}::text`,
    );
    const columns = `kind, "plannedDate", "actualDate", "actualStartMonth", "actualProductionMonth", "statsEnteredMonth"`;
    const from = Prisma.sql`FROM (SELECT v.kind, v."plannedDate", v."actualDate") AS m, (SELECT v."actualStartMonth", v."actualProductionMonth", v."statsEnteredMonth") AS p`;
    const sql = await sqlAnswers<string>(rows, columns, Prisma.sql`(SELECT ${nodeStateSql(today, days)} ${from})`);
    const attention = await sqlAnswers<boolean>(rows, columns, Prisma.sql`(SELECT ${nodeAttentionSql(today, days)} ${from})`);
    expect(ts).toEqual(expected);
    expect(sql).toEqual(expected);
    expect(attention).toEqual(expected.map((e) => e === "overdue" || e === "due-soon"));
  });
});

describe("已开工未入库 (started, due for the statistics, not entered)", () => {
  const month = "2024-06";
  const cases: Array<[string, string, string | null, string | null, boolean]> = [
    ["started, not entered", "600", "2024-03", null, true],
    ["started this month", "600", "2024-06", null, true],
    ["starts next month", "600", "2024-07", null, false],
    ["not started", "600", null, null, false],
    ["entered this month", "600", "2024-03", "2024-06", false],
    ["entered next month", "600", "2024-03", "2024-07", true],
    ["exactly 500万元", "500", "2024-03", null, true],
    ["under 500万元", "499.99", "2024-03", null, false],
  ];
  it("SQL and TypeScript give the same answers", async () => {
    const expected = cases.map((c) => c[4]);
    const ts = cases.map(([, total, start, entered]) => startedNotEntered({ totalInvestment: total, actualStartMonth: start, statsEnteredMonth: entered }, month));
    const sql = await sqlAnswers<boolean>(
      cases.map(([, total, start, entered]) => Prisma.sql`${total}::numeric, ${start}::text, ${entered}::text`),
      `"totalInvestment", "actualStartMonth", "statsEnteredMonth"`,
      Prisma.sql`(SELECT ${startedNotEnteredSql(month)} FROM (SELECT v."totalInvestment", v."actualStartMonth", v."statsEnteredMonth") AS p)`,
    );
    expect(ts).toEqual(expected);
    expect(sql).toEqual(expected);
  });
});

describe("what publishing leaves behind (待审核 / 退回 / 草稿 / 未报 / 更正未提交)", () => {
  // [label, report (null: none), group (null: approved, nothing left)]
  const cases: Array<[string, LeftBehindReport, LeftBehindGroup | null]> = [
    ["no report", null, "missing"],
    ["awaiting review", { status: "SUBMITTED", approvedRevisionId: null }, "submitted"],
    ["a correction awaiting review", { status: "SUBMITTED", approvedRevisionId: 7 }, "submitted"],
    ["approved", { status: "APPROVED", approvedRevisionId: 7 }, null],
    ["returned, never approved", { status: "RETURNED", approvedRevisionId: null }, "returned"],
    ["draft, never submitted", { status: "DRAFT", approvedRevisionId: null }, "draft"],
    ["a returned correction of an approved month", { status: "RETURNED", approvedRevisionId: 7 }, "correction"],
    ["a draft correction of an approved month", { status: "DRAFT", approvedRevisionId: 7 }, "correction"],
  ];
  it("SQL and TypeScript give the same answers", async () => {
    const expected = cases.map((c) => c[2]);
    const ts = cases.map(([, report]) => leftBehindGroup(report));
    const sql = await sqlAnswers<LeftBehindGroup | null>(
      cases.map(([, r]) => Prisma.sql`${r ? 1 : null}::int, ${r?.status ?? null}::text, ${r?.approvedRevisionId ?? null}::int`),
      `id, status, "approvedRevisionId"`,
      Prisma.sql`(SELECT ${LEFT_BEHIND_GROUP_SQL} FROM (SELECT v.id, v.status, v."approvedRevisionId") AS r)`,
    );
    expect(ts).toEqual(expected);
    expect(sql).toEqual(expected);
  });
});
