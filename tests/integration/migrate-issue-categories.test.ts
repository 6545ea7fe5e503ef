// Migration 20261206163000_issue_subcategories on rows written before it: the five one-level
// categories move under their parents as sub-categories, a report sub-problem's name becomes its
// code, any other sub-category text (or none) the category's 其他; afterwards the database refuses
// a sub-category that is not under its category.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "../helpers/db";
import { isIssueCategoryPair } from "@/domain/issue-categories";

const MIGRATIONS = path.resolve("prisma/migrations");
const TARGET = "20261206163000_issue_subcategories";

describe("migration 20261206163000_issue_subcategories", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("moves every existing issue onto a (category, sub-category) pair of the table", async () => {
    const database = await createEmptyDatabase();
    cleanups.push(database.drop);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    cleanups.unshift(() => client.end());
    const folders = fs
      .readdirSync(MIGRATIONS)
      .filter((f) => /^[0-9]{14}_/.test(f))
      .sort();
    const run = (f: string) => client.query(fs.readFileSync(path.join(MIGRATIONS, f, "migration.sql"), "utf8"));
    for (const f of folders.filter((f) => f < TARGET)) await run(f);

    const before: Array<[string, string | null, string, string]> = [
      // [old category, old sub-category text, → category, → sub-category]
      ["LAND", "土地征拆", "FACTOR", "LAND"],
      ["ENERGY", null, "FACTOR", "ENERGY"],
      ["ENVIRONMENT", "环评", "FACTOR", "ENVIRONMENT"],
      ["WATER_POWER", "用电报装", "FACTOR", "WATER_POWER"],
      ["APPROVAL", "施工许可", "INSTITUTIONAL", "APPROVAL"],
      ["FACTOR", "技术人才不足", "FACTOR", "TALENT"],
      ["FACTOR", " 能耗双控压力大 ", "FACTOR", "ENERGY_CONTROL"],
      ["FUNDING", "土地成本增加", "FUNDING", "LAND_COST"],
      ["FUNDING", "融资", "FUNDING", "FINANCING"],
      ["FUNDING", "流动资金", "FUNDING", "FUNDING_OTHER"],
      ["FUNDING", null, "FUNDING", "FUNDING_OTHER"],
      ["INSTITUTIONAL", "政策落实不到位", "INSTITUTIONAL", "POLICY"],
      ["INSTITUTIONAL", "", "INSTITUTIONAL", "INSTITUTIONAL_OTHER"],
      // a report sub-problem's name under another category is not that sub-problem
      ["FUNDING", "技术人才不足", "FUNDING", "FUNDING_OTHER"],
    ];
    for (const [i, [category, sub]] of before.entries()) {
      await client.query(`INSERT INTO "Issue" (year, category, "subCategory", title, description, "updatedAt") VALUES (2024, $1, $2, $3, '—', now())`, [
        category,
        sub,
        `旧问题${i}`,
      ]);
    }
    await run(TARGET);
    const { rows } = await client.query(`SELECT title, category::text AS category, "subCategory" FROM "Issue" ORDER BY id`);
    expect(rows.map((r) => [r.category, r.subCategory])).toEqual(before.map(([, , c, s]) => [c, s]));
    for (const r of rows) expect(isIssueCategoryPair(r.category, r.subCategory), r.title).toBe(true);
    // the database keeps to the table from now on
    await expect(
      client.query(`INSERT INTO "Issue" (year, category, "subCategory", title, description, "updatedAt") VALUES (2024, 'FUNDING', 'TALENT', '错类', '—', now())`),
    ).rejects.toThrow(/Issue_subCategory_check/);
    await expect(client.query(`INSERT INTO "Issue" (year, category, title, description, "updatedAt") VALUES (2024, 'FUNDING', '无子类', '—', now())`)).rejects.toThrow(/null/);
    await expect(
      client.query(`INSERT INTO "Issue" (year, category, "subCategory", title, description, "updatedAt") VALUES (2024, 'LAND', 'LAND', '旧类', '—', now())`),
    ).rejects.toThrow();
  });
});
