// 督〔年〕N号: N is the issue's number within its list year, given by the database when the issue is
// written (migration 20261207130000_issue_numbers) — in order, without gaps, never twice even when
// issues are raised at the same moment, and never changed when other issues are closed or deleted.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createIssue } from "@/server/issues/service";
import { createIssueSchema } from "@/lib/schemas/issue";
import { createEmptyDatabase, type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { type Actors } from "../helpers/actors";

let t: TestDatabase;
let a: Actors;
useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

const raise = (title: string) =>
  createIssue(t.prisma, a.admin, createIssueSchema.parse({ projectCode: "YQ2024-001", subCategory: "LAND", title, description: "编号测试", raisedDate: "2024-12-01" }));

const numbersOf = async (year: number) => (await t.prisma.issue.findMany({ where: { year }, orderBy: { id: "asc" }, select: { number: true } })).map((i) => i.number);

describe("督〔年〕N号", () => {
  it("the seeded issues are numbered 1, 2, 3 … in each year, in the order they were written", async () => {
    const years = (await t.prisma.issue.groupBy({ by: ["year"], _count: true })).map((g) => g.year);
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) {
      const numbers = await numbersOf(year);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it("a new issue takes the next number of its year; deleting or closing others renumbers nothing", async () => {
    const before = await numbersOf(2024);
    const first = await raise("编号测试甲");
    expect(first.number).toBe(before.length + 1);
    await t.prisma.issue.delete({ where: { id: first.id } });
    const second = await raise("编号测试乙");
    // the deleted issue's number is not given again: a number once cited names one issue only
    expect(second.number).toBe(before.length + 2);
    expect(await numbersOf(2024)).toEqual([...before, before.length + 2]);
  });

  it("issues raised at the same moment get different numbers, one after the other", async () => {
    const last = Math.max(...(await numbersOf(2024)));
    const created = await Promise.all([1, 2, 3, 4, 5].map((k) => raise(`同时登记的问题${k}`)));
    expect(created.map((i) => i.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5].map((k) => last + k));
  });

  // two writers, each in its own open transaction, as two officials pressing 登记 at once (on
  // PostgreSQL: the embedded database serves one connection at a time)
  it.skipIf(!process.env.DATABASE_URL)("a second transaction raising an issue while the first is still open waits for it, then takes the next number", async () => {
    const last = Math.max(...(await numbersOf(2024)));
    const [first, second] = [new pg.Client({ connectionString: t.url }), new pg.Client({ connectionString: t.url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      const insert = (c: pg.Client, title: string) =>
        c.query(`INSERT INTO "Issue" (year, category, "subCategory", title, description, "updatedAt") VALUES (2024, 'FACTOR', 'LAND', $1, '—', now()) RETURNING "number"`, [title]);
      await first.query("BEGIN");
      await second.query("BEGIN");
      const a = await insert(first, "并发登记甲");
      const pending = insert(second, "并发登记乙");
      await new Promise((r) => setTimeout(r, 200));
      await first.query("COMMIT");
      const b = await pending;
      await second.query("COMMIT");
      expect([a.rows[0].number, b.rows[0].number]).toEqual([last + 1, last + 2]);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it("a creation rolled back gives its number back; the number and year of an issue never change", async () => {
    const last = Math.max(...(await numbersOf(2024)));
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.issue.create({ data: { year: 2024, category: "FACTOR", subCategory: "LAND", title: "回滚的问题", description: "—" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await raise("回滚之后的问题")).number).toBe(last + 1);
    const issue = await t.prisma.issue.findFirstOrThrow({ where: { year: 2024 } });
    await expect(t.prisma.issue.update({ where: { id: issue.id }, data: { number: 999 } })).rejects.toThrow(/keeps its year and number/);
    await expect(t.prisma.issue.update({ where: { id: issue.id }, data: { year: 2023 } })).rejects.toThrow(/keeps its year and number/);
  });
});

describe("migration 20261207130000_issue_numbers", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("numbers the issues written before it by year in the order they were created, and goes on from there", async () => {
    const database = await createEmptyDatabase();
    cleanups.push(database.drop);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    cleanups.unshift(() => client.end());
    const dir = path.resolve("prisma/migrations");
    const target = "20261207130000_issue_numbers";
    const folders = fs
      .readdirSync(dir)
      .filter((f) => /^[0-9]{14}_/.test(f))
      .sort();
    const run = (f: string) => client.query(fs.readFileSync(path.join(dir, f, "migration.sql"), "utf8"));
    for (const f of folders.filter((f) => f < target)) await run(f);
    // ids out of creation order on purpose: the number follows createdAt, not the id
    const rows: Array<[number, number, string, string]> = [
      [10, 2024, "甲", "2024-03-01"],
      [11, 2025, "乙", "2025-01-05"],
      [12, 2024, "丙", "2024-01-01"],
      [13, 2024, "丁", "2024-02-01"],
    ];
    for (const [id, year, title, created] of rows) {
      await client.query(
        `INSERT INTO "Issue" (id, year, category, "subCategory", title, description, "createdAt", "updatedAt") VALUES ($1, $2, 'FACTOR', 'LAND', $3, '—', $4, now())`,
        [id, year, title, created],
      );
    }
    await run(target);
    const numbered = await client.query(`SELECT title, year, "number" FROM "Issue" ORDER BY year, "number"`);
    expect(numbered.rows.map((r) => `${r.year}-${r.number}-${r.title}`)).toEqual(["2024-1-丙", "2024-2-丁", "2024-3-甲", "2025-1-乙"]);
    const next = await client.query(
      `INSERT INTO "Issue" (year, category, "subCategory", title, description, "updatedAt") VALUES (2024, 'FACTOR', 'LAND', '戊', '—', now()) RETURNING "number"`,
    );
    expect(next.rows[0].number).toBe(4);
    const fresh = await client.query(
      `INSERT INTO "Issue" (year, category, "subCategory", title, description, "updatedAt") VALUES (2026, 'FACTOR', 'LAND', '己', '—', now()) RETURNING "number"`,
    );
    expect(fresh.rows[0].number).toBe(1);
  });
});
