// Every rate a leader or an auditor reads reconciles where it stands: in the 通报, the 情况报告 and
// the 调度表 (and its 小计/合计), each displayed rate is recomputed from the numbers printed beside
// it — the same projects' 本年完成 and 年度计划 — and must agree to the digit shown. The all-projects
// total is labelled apart; a breakdown without any plan figure says 无同口径计划, never 0.0%. And the
// official documents state the scope plainly: no "请核实", no "⚠" (those prompts are the office's).
// On the demo data (plans for some projects only, a park whose only completing project has none,
// a published month and an open one) and on the seed report (completion above the declared plan).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { loadBulletin, writeBulletin, RANKING_HEAD } from "@/server/documents/bulletin";
import { loadAnnualReport, writeAnnualReport } from "@/server/documents/annual";
import { documentToDocx } from "@/server/documents/docx";
import type { GeneratedDocument } from "@/server/documents/model";
import { scheduleExport } from "@/server/excel/exports";
import { H } from "@/server/excel/schedule";
import { getPlanChecks } from "@/server/plans/checks";
import { getParkStats } from "@/server/figures/park";
import { getReadPublication } from "@/server/periods/queries";
import { annualRateScope, rateText } from "@/domain/rate-scope";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import type { Actor } from "@/server/auth/actor";
import { docxParagraphs } from "../helpers/docx-text";
import { colOf, exportedSheet } from "../helpers/xlsx";

/** "18.6亿元" / "5000万元" / "18.6" (a table's 亿元 column) → 万元. */
function wan(text: string, unit: "亿元" | "万元" = "亿元"): Decimal {
  const m = /^(-?[0-9][0-9,]*(?:\.[0-9]+)?)(亿元|万元)?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const n = new Decimal(m[1].replace(/,/g, ""));
  return (m[2] ?? unit) === "亿元" ? n.times(10000) : n;
}

/** The rate recomputed from the two numbers shown, to one decimal place as printed. */
const recomputed = (part: Decimal, whole: Decimal) => part.dividedBy(whole).times(100).toFixed(1);

const AMOUNT = "([0-9][0-9.,]*(?:亿元|万元))";
/** "有年度计划的6个项目：本年完成18.6亿元 ÷ 年度计划25亿元 = 74.4%" wherever it is printed, recomputed. */
function checkEquations(text: string): number {
  const re = new RegExp(`本年完成${AMOUNT} ÷ 年度计划${AMOUNT} = ([0-9.]+)%`, "g");
  let n = 0;
  for (const m of text.matchAll(re)) {
    expect(recomputed(wan(m[1]), wan(m[2])), m[0]).toBe(m[3]);
    n++;
  }
  return n;
}

function documentText(doc: GeneratedDocument): string {
  return [
    doc.title,
    doc.subtitle ?? "",
    doc.asOf,
    ...doc.blocks.map((b) => (b.kind === "table" ? [b.caption, ...b.head, ...b.rows.flat()].join(" ") : (b.kind === "p" ? (b.lead ?? "") : "") + b.text)),
    doc.dateLine,
  ].join("\n");
}

function noOfficePrompt(text: string, what: string) {
  expect(text, what).not.toContain("请核实");
  expect(text, what).not.toContain("⚠");
  expect(text, what).not.toMatch(/尚缺[0-9]+个/);
}

describe("every rate reconciles on the demo data", () => {
  let t: TestDatabase;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestDatabase("demo");
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    admin = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, parkId: u.parkId };
  });
  afterAll(async () => t?.drop());

  it("the 通报: the headline's rate from its numerator and denominator, and every park's rate from the columns beside it", async () => {
    const doc = writeBulletin((await loadBulletin(t.prisma, "2024-11"))!);
    const text = documentText(doc);
    // the headline: like for like, and the all-projects total apart with its own label
    expect(checkEquations(text)).toBe(1);
    expect(text).toMatch(/年度投资完成率按同口径计算，有年度计划的[0-9]+个项目：本年完成/);
    expect(text).toMatch(/全部[0-9]+个项目本年累计完成[0-9.]+亿元（含无年度计划的项目）/);
    const total = /开工至今累计完成投资([0-9.]+(?:亿元|万元))，占总投资([0-9.]+(?:亿元|万元))的([0-9.]+)%（开累完成率）/.exec(text)!;
    expect(recomputed(wan(total[1]), wan(total[2]))).toBe(total[3]);

    const table = doc.blocks.find((b) => b.kind === "table" && b.testId === "bulletin-ranking");
    if (table?.kind !== "table") throw new Error("no ranking table");
    expect(table.head).toEqual(RANKING_HEAD);
    const col = (label: string) => table.head.indexOf(label);
    let rated = 0;
    let noPlan = 0;
    for (const row of table.rows) {
      const planned = row[col("其中有年度计划（个）")];
      const rate = row[col("年度投资完成率（%）")];
      if (planned === "0") {
        expect(rate, row[1]).toBe("无同口径计划");
        noPlan++;
        continue;
      }
      expect(rate, row[1]).toBe(recomputed(wan(row[col("有计划项目本年完成（亿元）")]), wan(row[col("年度计划投资（亿元）")])));
      rated++;
    }
    expect(rated).toBeGreaterThan(1);
    // 溆浦县园区: its planned project completed nothing, its completing one has no plan figure —
    // the rate is 0.0% of its own plan, with the 5.6亿元 of all its projects in their own column
    const xupu = table.rows.find((r) => r[1] === "溆浦县园区")!;
    expect([xupu[col("有计划项目本年完成（亿元）")], xupu[col("年度计划投资（亿元）")], xupu[col("年度投资完成率（%）")]]).toEqual(["0", "2", "0.0"]);
    expect(Number(xupu[col("全部项目本年完成（亿元）")])).toBeGreaterThan(0);
    expect(noPlan + rated).toBe(table.rows.length);

    // the same scope throughout: the parks' columns add up to the headline's numerator, denominator and count
    const head = new RegExp(`有年度计划的([0-9]+)个项目：本年完成${AMOUNT} ÷ 年度计划${AMOUNT}`).exec(text)!;
    const sum = (label: string) => table.rows.reduce((acc, r) => (r[col(label)] === "—" ? acc : acc.plus(wan(r[col(label)]))), new Decimal(0));
    expect(String(table.rows.reduce((n, r) => n + Number(r[col("其中有年度计划（个）")]), 0))).toBe(head[1]);
    expect(sum("有计划项目本年完成（亿元）").toString()).toBe(wan(head[2]).toString());
    expect(sum("年度计划投资（亿元）").toString()).toBe(wan(head[3]).toString());
    // and to the 调度表 of the same publication, whose project rows say which projects have a plan figure
    const ws = await exportedSheet(await scheduleExport(t.prisma, admin, "2024-11", {}));
    const totalRow = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(3).value === "合计")!;
    expect(new Decimal(Number(totalRow.getCell(colOf(ws, H.yearOfPlanned)).value)).toString()).toBe(wan(head[2]).toString());
    expect(new Decimal(Number(totalRow.getCell(colOf(ws, H.annual)).value)).toString()).toBe(wan(head[3]).toString());

    // the .docx prints the same rows
    const paragraphs = await docxParagraphs(await documentToDocx(doc));
    for (const row of table.rows) for (const cell of row.slice(1)) expect(paragraphs).toContain(cell);
  });

  it("each park page: the rate shown is the one its scope sentence computes, 无同口径计划 without a plan figure", async () => {
    const pub = (await getReadPublication(t.prisma, 2024, "2024-11"))!;
    let rated = 0;
    for (const park of await t.prisma.park.findMany({ orderBy: { id: "asc" } })) {
      const stats = await getParkStats(t.prisma, pub, park.id);
      const scope = annualRateScope(stats);
      if (stats.projectsWithAnnualPlan === 0) {
        expect(rateText(stats.annualRate), park.name).toBe("无同口径计划");
        continue;
      }
      expect(checkEquations(scope), park.name).toBe(1);
      expect(`${/= ([0-9.]+)%$/.exec(scope)![1]}%`, park.name).toBe(rateText(stats.annualRate));
      rated++;
    }
    expect(rated).toBeGreaterThan(1);
  });

  it("the 情况报告: the headline and every project's rate with its plan beside it", async () => {
    const doc = writeAnnualReport((await loadAnnualReport(t.prisma, 2024, "2024-11"))!);
    const text = documentText(doc);
    expect(checkEquations(text)).toBe(1);
    const projects = [...text.matchAll(new RegExp(`本年完成投资${AMOUNT}，占年度计划投资${AMOUNT}的([0-9.]+)%`, "g"))];
    expect(projects.length).toBeGreaterThan(1);
    for (const m of projects) expect(recomputed(wan(m[1]), wan(m[2])), m[0]).toBe(m[3]);
  });

  it.each([
    ["a published month", "2024-11"],
    ["the open month, never published", "2024-12"],
  ])("the 调度表 of %s: every rate cell, on project rows and on 小计/合计, recomputes from the columns beside it", async (_what, month) => {
    const ws = await exportedSheet(await scheduleExport(t.prisma, admin, month, {}, new Date("2025-01-03T02:00:00Z")));
    const c = { annual: colOf(ws, H.annual), ofPlanned: colOf(ws, H.yearOfPlanned), year: colOf(ws, H.year), rate: colOf(ws, H.annualRate) };
    const tc = { total: colOf(ws, H.total), cumulative: colOf(ws, H.cumulative), rate: colOf(ws, H.totalRate) };
    const num = (r: ExcelJS.Row, n: number) => (r.getCell(n).value === null || r.getCell(n).value === undefined ? null : new Decimal(Number(r.getCell(n).value)));
    let checked = 0;
    let sums = 0;
    for (let n = 4; n <= ws.rowCount; n++) {
      const r = ws.getRow(n);
      const label = String(r.getCell(3).value ?? "");
      const isSum = label.endsWith(" 小计") || label === "合计";
      if (!isSum && typeof r.getCell(1).value !== "number") continue;
      const annual = num(r, c.annual);
      const ofPlanned = num(r, c.ofPlanned);
      const rate = num(r, c.rate);
      if (annual === null || annual.isZero()) {
        expect(rate, `${label} row ${n}`).toBeNull();
      } else {
        // a percentage cell holds the fraction to 4 places (0.00%): recomputed to the same places
        expect(rate!.toFixed(4), `${label} row ${n}`).toBe(ofPlanned!.dividedBy(annual).toDecimalPlaces(4).toFixed(4));
        checked++;
      }
      // the like-for-like column never exceeds the all-projects one
      if (ofPlanned !== null) expect(ofPlanned.lessThanOrEqualTo(num(r, c.year)!)).toBe(true);
      const total = num(r, tc.total)!;
      const totalRate = num(r, tc.rate);
      if (totalRate !== null) expect(totalRate.toFixed(4), `${label} 占总投资`).toBe((num(r, tc.cumulative) ?? new Decimal(0)).dividedBy(total).toDecimalPlaces(4).toFixed(4));
      if (isSum) sums++;
    }
    expect(checked).toBeGreaterThan(4);
    expect(sums).toBeGreaterThan(2);
    // the scope is stated under the table
    let note = "";
    ws.eachRow((r) => {
      const v = String(r.getCell(1).value ?? "");
      if (v.startsWith("注：占年度计划%")) note = v;
    });
    expect(note).toContain("其中有年度计划项目本年累计 ÷ 本年计划投资");
  });

  it("the office's prompts name the projects without a plan figure, with a link to the field where it is entered", async () => {
    const checks = (await getPlanChecks(t.prisma, 2024))!;
    const missing = checks.checks.find((c) => c.key === "annual-missing")!;
    expect(missing.message).toMatch(/^清单上[0-9]+个项目未填年度计划投资，年度投资完成率只按其余[0-9]+个项目计算。$/);
    expect(missing.href).toBe(`/admin/plans/2024#annual_${checks.missingPlan.rows[0].code}`);
    expect(checks.missingPlan.rows.length).toBe(Math.min(5, checks.missingPlan.total));
  });
});

describe("official documents state the scope and never print the office's prompts (the seed report: completion above the declared plan)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
  });
  afterAll(async () => t?.drop());

  it("the 通报 and the 情况报告, as blocks and as .docx, contain no 请核实 and no ⚠; the office's to-do has the prompt", async () => {
    const bulletin = writeBulletin((await loadBulletin(t.prisma, "2024-11"))!);
    const report = writeAnnualReport((await loadAnnualReport(t.prisma, 2024))!);
    for (const doc of [bulletin, report]) {
      noOfficePrompt(documentText(doc), doc.title);
      noOfficePrompt((await docxParagraphs(await documentToDocx(doc))).join("\n"), `${doc.title}.docx`);
    }
    // the scope stated plainly instead
    expect(documentText(report)).toContain("平台录入的项目均未列年度计划投资");
    expect(documentText(report)).toContain("年度投资完成率按同口径计算，无同口径计划（4个项目均未列年度计划投资）");
    // the same fact reaches the office, where it can be acted on
    const checks = (await getPlanChecks(t.prisma, 2024))!;
    expect(checks.checks.map((c) => c.key)).toEqual(["count", "total", "annual-missing", "declared-annual"]);
    expect(checks.checks.find((c) => c.key === "declared-annual")!.message).toContain("请核实申报口径");
  });
});
