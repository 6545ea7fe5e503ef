import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import {
  FUNDING_RATE_RULE,
  fundingRate,
  fundingRateScope,
  fundingRateSql,
  fundingRateText,
  fundingScopeSums,
  fundingScopeSumsSql,
  fundsInPlace,
  fundsInPlaceSql,
  FUNDS_COLUMNS,
  investmentBeyondFunds,
  NO_FUNDING_PLAN,
  projectFundingRate,
} from "@/domain/funding";

// a database of its own, made on first use: the SQL twins must answer as the TypeScript rules do
let pg: Promise<PGlite> | undefined;
const database = () => (pg ??= PGlite.create());
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

describe("资金到位率, like for like", () => {
  it("in place ÷ planned over the projects with a plan; none planned (or 0) is no rate, never 0%", () => {
    expect(fundingRate({ fundingPlanned: "200", fundingInPlaceOfPlanned: "50" })?.toString()).toBe("25");
    expect(fundingRate({ fundingPlanned: "0", fundingInPlaceOfPlanned: "50" })).toBeNull();
    expect(fundingRateText(null)).toBe("无资金计划");
    expect(fundingRateText("39.393939")).toBe("39.4%");
  });
  it("a project with a plan and no money stated counts 0 in place; without a plan it has no rate", () => {
    expect(projectFundingRate({ fundingPlanned: "100", fundingInPlace: null })?.toString()).toBe("0");
    expect(projectFundingRate({ fundingPlanned: null, fundingInPlace: "100" })).toBeNull();
  });
  it("the sums keep money of projects without a plan out of the rate's pair, but in the all-projects sum", () => {
    const s = fundingScopeSums([
      { fundingPlanned: "300", fundingInPlace: "100" },
      { fundingPlanned: "100", fundingInPlace: null },
      { fundingPlanned: null, fundingInPlace: "70" },
    ]);
    expect([s.fundingPlanned.toString(), s.withFundingPlan, s.fundingInPlaceOfPlanned.toString(), s.fundingInPlace.toString()]).toEqual(["400", 2, "100", "170"]);
    expect(fundingRateScope({ ...s, projectCount: 3 })).toBe("有资金计划的2个项目：到位资金100万元 ÷ 计划资金400万元 = 25.0%");
    expect(fundingRateScope({ ...s, withFundingPlan: 3, projectCount: 3 })).toMatch(/^全部3个项目均有资金计划：/);
    expect(fundingRateScope({ fundingPlanned: 0, fundingInPlaceOfPlanned: 0, withFundingPlan: 0, projectCount: 4 })).toBe("无资金计划（4个项目均未录入资金计划）");
  });
  it("money in place is the sum of the sources stated; none stated is none, not 0", () => {
    expect(fundsInPlace([null, "1.5", null, "2", "0"])?.toString()).toBe("3.5");
    expect(fundsInPlace([null, null])).toBeNull();
    expect(fundsInPlace([undefined, "2", undefined])?.toString()).toBe("2");
    expect(fundsInPlace([undefined, null])).toBeNull();
  });
  it("investment beyond the money in place: just over the share flags, exactly at it does not", () => {
    expect(investmentBeyondFunds("120", "100", "20")).toBe(false);
    expect(investmentBeyondFunds("120.01", "100", "20")).toBe(true);
    expect(investmentBeyondFunds("1", null, "20")).toBe(false);
  });
});

describe("the rule as the tables' note states it", () => {
  it("names the like-for-like pair, 0 for money not stated, and 无资金计划", () => {
    expect(FUNDING_RATE_RULE).toMatch(/^资金到位率 = /);
    expect(FUNDING_RATE_RULE).toContain("同口径");
    expect(FUNDING_RATE_RULE).toContain("按0计");
    expect(FUNDING_RATE_RULE).toContain(NO_FUNDING_PLAN);
  });
});

describe("the SQL twins answer as the TypeScript rules", () => {
  it("money in place over the five sources: the sum of those stated, NULL when none is (a quoted alias works too)", { timeout: 60_000 }, async () => {
    const db = await database();
    await db.exec(`CREATE TEMP TABLE IF NOT EXISTS revision (id int, ${FUNDS_COLUMNS.map((c) => `"${c}" numeric`).join(", ")})`);
    await db.exec("DELETE FROM revision");
    const rows: Array<Array<string | null>> = [
      [null, null, null, null, null],
      ["1.5", null, "2", null, "0"],
      ["10", "20", "30", "40", "50"],
      [null, null, null, null, "7"],
      ["0", null, null, null, null],
    ];
    for (const [i, r] of rows.entries()) await db.query(`INSERT INTO revision VALUES ($1, $2, $3, $4, $5, $6)`, [i, ...r]);
    for (const alias of ["r", '"r"']) {
      const q = Prisma.sql`SELECT ${fundsInPlaceSql(alias)} AS v FROM revision r ORDER BY r.id`;
      const got = (await db.query<{ v: unknown }>(q.text, q.values)).rows.map((x) => text(x.v));
      expect(got, alias).toEqual(rows.map((r) => fundsInPlace(r)?.toString() ?? null));
    }
  });
  it("资金到位率: in place ÷ planned × 100, no rate without a positive plan", { timeout: 60_000 }, async () => {
    const db = await database();
    for (const [planned, inPlace] of [
      ["200", "50"],
      ["0", "50"],
      ["-10", "5"],
      ["300", "0"],
    ]) {
      const q = Prisma.sql`SELECT ${fundingRateSql(Prisma.sql`${inPlace}::numeric`, Prisma.sql`${planned}::numeric`)} AS v`;
      const got = text((await db.query<{ v: unknown }>(q.text, q.values)).rows[0].v);
      const expected = fundingRate({ fundingPlanned: planned, fundingInPlaceOfPlanned: inPlace });
      expect(got === null ? null : Number(got), `${inPlace}/${planned}`).toBe(expected === null ? null : expected.toNumber());
    }
  });
  it("the scope sums: the money of projects without a plan stays out of the rate's pair", { timeout: 60_000 }, async () => {
    const db = await database();
    await db.exec("CREATE TEMP TABLE IF NOT EXISTS project (planned numeric, in_place numeric)");
    await db.exec("DELETE FROM project");
    const projects = [
      { fundingPlanned: "300", fundingInPlace: "100" },
      { fundingPlanned: "100", fundingInPlace: null },
      { fundingPlanned: null, fundingInPlace: "70" },
      { fundingPlanned: null, fundingInPlace: null },
    ];
    const sumsOf = async () => {
      const s = fundingScopeSumsSql(Prisma.sql`planned`, Prisma.sql`in_place`);
      const q = Prisma.sql`SELECT ${s.fundingPlanned} AS "fundingPlanned", ${s.withFundingPlan} AS "withFundingPlan", ${s.fundingInPlaceOfPlanned} AS "fundingInPlaceOfPlanned", ${s.fundingInPlace} AS "fundingInPlace" FROM project`;
      const r = (await db.query<Record<string, unknown>>(q.text, q.values)).rows[0];
      return [text(r.fundingPlanned), r.withFundingPlan, text(r.fundingInPlaceOfPlanned), text(r.fundingInPlace)];
    };
    expect(await sumsOf()).toEqual(["0", 0, "0", "0"]);
    for (const p of projects) await db.query("INSERT INTO project VALUES ($1, $2)", [p.fundingPlanned, p.fundingInPlace]);
    const ts = fundingScopeSums(projects);
    expect(await sumsOf()).toEqual([ts.fundingPlanned.toString(), ts.withFundingPlan, ts.fundingInPlaceOfPlanned.toString(), ts.fundingInPlace.toString()]);
    expect(await sumsOf()).toEqual(["400", 2, "100", "170"]);
  });
});
