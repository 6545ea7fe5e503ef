// 情况报告 二、存在的主要问题 as a reader checks it against the seed report: with a new issue filed
// under every sub-category (each of the report's own sub-problems, and 土地/能源/环保/用水用电/审批 …),
// every sentence the report states about its problems is still there word for word, in a
// paragraph of its own; each new issue is a numbered item of its own, with its title, under its
// sub-problem and category — never its description spliced into the report's sentences.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAnnualReport, writeAnnualReport } from "@/server/documents/annual";
import { documentToDocx } from "@/server/documents/docx";
import { createIssue } from "@/server/issues/service";
import { createIssueSchema } from "@/lib/schemas/issue";
import { publishPeriod, reopenPeriod } from "@/server/periods/service";
import { leftBehindConfirmation } from "../helpers/publication";
import { ISSUE_SUBCATEGORIES, ISSUE_TOP_CATEGORY_LABEL } from "@/domain/issue-categories";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { docxParagraphs } from "../helpers/docx-text";
import { actorsOf, type Actors } from "../helpers/actors";

/** The seed report's 二、 section, with its half-width punctuation written as the platform writes it. */
function seedProblemText(): string {
  const folder = fs.existsSync(path.resolve("../shared/seed-report")) ? path.resolve("../shared/seed-report") : "/work/shared/seed-report";
  const file = fs.readdirSync(folder).find((f) => f.endsWith(".txt"))!;
  return fs
    .readFileSync(path.join(folder, file), "utf8")
    .replace(/,/g, "，")
    .replace(/:/g, "：")
    .replace(/;/g, "；")
    .replace(/"([^"\n]*)"/g, "“$1”");
}

/** The report's problems as the seed data stores them (seed-data/2024/issues.json). */
const stored: Array<{ category: string; subCategory: string; title: string; description: string }> = JSON.parse(
  fs.readFileSync(path.resolve("seed-data/2024/issues.json"), "utf8"),
).issues;
const quoted = (s: string) => s.replace(/"([^"\n]*)"/g, "“$1”");

describe("情况报告 二、存在的主要问题 with an issue filed under every sub-category", () => {
  let t: TestDatabase;
  let a: Actors;
  let paragraphs: string[];
  const filed = ISSUE_SUBCATEGORIES.map((s) => ({ ...s, title: `县区新问题：${s.label}（测试）`, description: `县区填报的问题描述，属于${s.label}，不应出现在报告中。` }));

  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    a = await actorsOf(t.prisma);
    for (const f of filed) {
      // raised before the 2024-11 publication's date, so the report of that publication lists it
      await createIssue(
        t.prisma,
        a.huitong,
        createIssueSchema.parse({ projectCode: "YQ2024-001", subCategory: f.code, title: f.title, description: f.description, raisedDate: "2024-11-20" }),
      );
    }
    // a publication is frozen: the month is re-opened and published again to take the new issues in
    const november = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });
    await reopenPeriod(t.prisma, a.admin, { month: "2024-11", version: november.version, reason: "补录问题台账", reauthPassword: "demo2024" });
    const reopened = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });
    await publishPeriod(t.prisma, a.admin, { month: "2024-11", version: reopened.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-11") }, "2024-12-05");
    paragraphs = await docxParagraphs(await documentToDocx(writeAnnualReport((await loadAnnualReport(t.prisma, 2024))!)));
  });
  afterAll(async () => t?.drop());

  it("the stored problems are the seed report's own words", () => {
    const seed = seedProblemText();
    expect(stored).toHaveLength(7);
    for (const s of stored) expect(seed).toContain(quoted(s.description));
  });

  it("prints every sentence of the seed report's problems verbatim, as the whole paragraph of its sub-problem", () => {
    for (const s of stored) {
      const label = ISSUE_SUBCATEGORIES.find((x) => x.code === s.subCategory)!.label;
      const para = paragraphs.find((p) => /^[一二三四五六七八九十]+是/.test(p) && p.includes(`是${label}。`));
      expect(para, label).toMatch(new RegExp(`^[一二三四五六七八九十]+是${label}。`));
      // the paragraph is the lead and the stored text, nothing before, inside or after it
      expect(para!.replace(/^[一二三四五六七八九十]+是/, "")).toBe(`${label}。${quoted(s.description)}`);
    }
  });

  it("lists each new issue by its title as a numbered item under its sub-problem and category; its description is not in the report", () => {
    const all = paragraphs.join("\n");
    for (const f of filed) {
      expect(all).not.toContain(f.description);
      const item = paragraphs.findIndex((p) => p === `1. ${f.title}（未办结）`);
      expect(item, f.title).toBeGreaterThan(-1);
      // the nearest sub-problem lead above it is its own, the nearest category heading its category
      const lead = paragraphs.slice(0, item).findLastIndex((p) => /^[一二三四五六七八九十]+是/.test(p));
      expect(paragraphs[lead], f.title).toMatch(new RegExp(`^[一二三四五六七八九十]+是${f.label}。`));
      const heading = paragraphs.slice(0, item).findLast((p) => /^（[一二三]）/.test(p));
      expect(heading, f.title).toBe(heading!.slice(0, 3) + ISSUE_TOP_CATEGORY_LABEL[f.category]);
      expect(paragraphs[item - 1], f.title).toMatch(/问题台账中本类问题1个，已办结0个：$/);
    }
  });

  it("orders the categories as the seed report does and numbers the sub-problems within each", () => {
    const section = paragraphs.slice(
      paragraphs.findIndex((p) => p.startsWith("二、")),
      paragraphs.findIndex((p) => p.startsWith("三、")),
    );
    expect(section.filter((p) => /^（[一二三]）/.test(p))).toEqual(["（一）资金问题", "（二）要素保障问题", "（三）体制机制问题"]);
    const factor = section.slice(section.indexOf("（二）要素保障问题"), section.indexOf("（三）体制机制问题"));
    expect(factor.filter((p) => /^[一二三四五六七八九十]+是/.test(p)).map((p) => p.slice(0, p.indexOf("。")))).toEqual([
      "一是技术人才不足",
      "二是能耗双控压力大",
      "三是土地",
      "四是能源",
      "五是环保",
      "六是用水用电",
      "七是其他要素保障问题",
    ]);
  });
});
