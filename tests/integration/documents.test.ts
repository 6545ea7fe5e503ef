// The generated documents, read back as a reader reads them: the annual 情况报告's .docx must state
// every figure and factual sentence the seed report states about its four projects (checked
// against the seed report's own text), its plan paragraph, problems and next steps; the monthly
// 通报's park ranking must be the dashboard's park figures of the same publication, in the same order.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAnnualReport, writeAnnualReport } from "@/server/documents/annual";
import { loadBulletin, writeBulletin } from "@/server/documents/bulletin";
import { documentToDocx } from "@/server/documents/docx";
import { getFigureBreakdown } from "@/server/figures/queries";
import { getReadPublication } from "@/server/periods/queries";
import { dec, formatYi } from "@/lib/money";
import { rate } from "@/lib/progress";
import { scheduleProgress } from "@/domain/schedule-progress";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { docxParagraphs, docxXml } from "../helpers/docx-text";
import { actorsOf, type Actors } from "../helpers/actors";
import { monthlyReportForm } from "../helpers/monthly-report";
import { saveMonthlyReport, reviewMonthlyReport } from "@/server/monthly-reports/service";
import { publishPeriod } from "@/server/periods/service";
import { SEED_PROJECT_SENTENCES } from "../fixtures/seed-report-sentences";
import { leftBehindConfirmation } from "../helpers/publication";

/** The seed report's text with its half-width punctuation written as the platform writes it. */
function seedReportText(): string {
  const dir = "/work/shared/seed-report";
  const local = path.resolve("../shared/seed-report");
  const folder = fs.existsSync(local) ? local : dir;
  const file = fs.readdirSync(folder).find((f) => f.endsWith(".txt"))!;
  return fs.readFileSync(path.join(folder, file), "utf8").replace(/,/g, "，").replace(/:/g, "：").replace(/;/g, "；");
}

describe("the annual report on the seed report", () => {
  let t: TestDatabase;
  let a: Actors;
  let paragraphs: string[];
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    a = await actorsOf(t.prisma);
    const data = await loadAnnualReport(t.prisma, 2024);
    paragraphs = await docxParagraphs(await documentToDocx(writeAnnualReport(data!)));
  });
  afterAll(async () => t?.drop());

  it("the expected sentences are the seed report's own words", () => {
    const seed = seedReportText();
    for (const p of SEED_PROJECT_SENTENCES) for (const s of p.sentences) expect(seed, s).toContain(s);
  });

  it("reproduces every figure and factual sentence of the four projects, each in its own paragraph", () => {
    for (const p of SEED_PROJECT_SENTENCES) {
      const para = paragraphs.find((x) => x.includes(p.lead));
      expect(para, p.lead).toBeDefined();
      for (const s of p.sentences) expect(para, `${p.lead} ${s}`).toContain(s);
    }
    // in the seed's order, numbered 一是 … 四是
    const leads = SEED_PROJECT_SENTENCES.map((p) => paragraphs.findIndex((x) => x.includes(p.lead)));
    expect([...leads].sort((a, b) => a - b)).toEqual(leads);
    expect(paragraphs[leads[3]]).toMatch(/^四是新晃县园区/);
  });

  it("writes the plan paragraph from the plan's figures, the problems from the ledger and the next steps from the stored text", () => {
    const all = paragraphs.join("\n");
    expect(all).toContain("市工业园区2024年重大项目情况报告");
    expect(all).toContain("数据截至2024年11月（已发布");
    expect(all).toContain("一是加快推进项目建设。坚持“项目为王”理念");
    expect(all).toContain("实施市工业园区2024年重大项目50个，总投资133.6亿元，年度计划投资33.6亿元。");
    expect(all).toContain("按照“四月底前全部开工，六月底前大部分投产”的目标倒排工期");
    expect(all).toContain("重点解决好土地、资金、能源、环保、用水用电等要素保障");
    expect(all).toContain("三是切实做好项目保障工作。");
    // 二、 by category, each sub-problem with its text
    expect(paragraphs).toContain("（一）资金问题");
    expect(paragraphs).toContain("（三）体制机制问题");
    expect(all).toContain("一是土地成本增加。随着园区规模的不断扩大和“三通一平”工作的不断深入");
    expect(all).toContain("二是能耗双控压力大。全市工业用能已纳入省直能量消耗双控考核范围");
    expect(all).toContain("全年问题台账累计7个，已办结0个，办结率0.0%");
    // 三、
    expect(all).toContain("（一）全力推动项目建设。强化组织领导");
    expect(all).toContain("（三）持续强化服务保障。提升服务质量和效率");
    // what the data adds: 序时进度, warnings, the scope stated plainly (never the office's 请核实)
    expect(all).toContain("序时进度91.7%");
    expect(all).toContain("开累完成率45.5%"); // 15 / 33
    expect(all).toContain("黄色预警：开工晚于计划截止日期2024年4月30日（2024年9月开工）");
    expect(all).toContain("全部4个项目本年累计完成42.3亿元（含无年度计划的项目）");
    expect(all).toContain("无同口径计划（4个项目均未列年度计划投资）");
    expect(all).not.toContain("请核实");
  });

  it("names the 公文 fonts and sizes, A4 margins and a page-number footer", async () => {
    const data = await loadAnnualReport(t.prisma, 2024);
    const bytes = await documentToDocx(writeAnnualReport(data!));
    const styles = await docxXml(bytes, "word/styles.xml");
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toMatch(/w:styleId="Title"[\s\S]*?<w:sz w:val="44"\/>/);
    const doc = await docxXml(bytes);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    const footer = await docxXml(bytes, "word/footer1.xml");
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it("has no report for a year without a publication", async () => {
    expect(await loadAnnualReport(t.prisma, 2025)).toBeNull();
    expect(await loadBulletin(t.prisma, "2024-10")).toBeNull();
    expect(await loadBulletin(t.prisma, "2024-12")).toBeNull();
  });

  it("a report approved after publication changes nothing until its month is published; earlier months stay as they were", async () => {
    const paragraphOf = async (month?: string) => {
      const doc = writeAnnualReport((await loadAnnualReport(t.prisma, 2024, month))!);
      return { doc, text: (lead: string) => doc.blocks.find((b) => b.kind === "p" && b.lead?.includes(lead))! };
    };
    const opened = await t.prisma.monthlyReport.findUnique({
      where: { projectId_month: { projectId: (await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-001" } })).id, month: "2024-12" } },
    });
    const saved = await saveMonthlyReport(t.prisma, a.huitong, monthlyReportForm({ version: String(opened?.version ?? 0) }));
    const submitted = await t.prisma.monthlyReport.findUniqueOrThrow({ where: { id: saved.reportId } });
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: submitted.id, version: submitted.version, decision: "approve", reason: "" });
    // approved, not published: the report is still as of 2024-11
    let now = await paragraphOf();
    expect(now.doc.asOf).toMatch(/^数据截至2024年11月/);
    expect(JSON.stringify(now.text("中伟新材料项目"))).toContain("目前已完成固定资产投资15亿元。");
    expect(await loadBulletin(t.prisma, "2024-12")).toBeNull();

    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-12" } });
    await publishPeriod(t.prisma, a.admin, { month: "2024-12", version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-12") }, "2025-01-08");
    now = await paragraphOf();
    expect(now.doc.asOf).toMatch(/^数据截至2024年12月（已发布/);
    expect(JSON.stringify(now.text("中伟新材料项目"))).toContain("目前已完成固定资产投资15.5亿元。");
    // a project that did not report December: its November figure, said so
    expect(JSON.stringify(now.text("金石资源"))).toContain("目前已完成固定资产投资17亿元（2024年11月数，2024年12月未报）。");
    const november = await paragraphOf("2024-11");
    expect(JSON.stringify(november.text("中伟新材料项目"))).toContain("目前已完成固定资产投资15亿元。");
    expect(writeBulletin((await loadBulletin(t.prisma, "2024-11"))!).blocks.some((b) => b.kind === "p" && b.text.includes("全部4个项目本年累计完成42.3亿元"))).toBe(true);
    expect(writeBulletin((await loadBulletin(t.prisma, "2024-12"))!).blocks.some((b) => b.kind === "p" && b.text.includes("全部4个项目本年累计完成42.8亿元"))).toBe(true);
  });
});

describe("the 通报 on the demo data", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("demo");
  });
  afterAll(async () => t?.drop());

  it("ranks the county parks exactly as the dashboard's park figures of the same publication, lowest completion first", async () => {
    const doc = writeBulletin((await loadBulletin(t.prisma, "2024-11"))!);
    const table = doc.blocks.find((b) => b.kind === "table" && b.testId === "bulletin-ranking");
    if (table?.kind !== "table") throw new Error("no ranking table");
    // the dashboard's park figures (the overview's breakdown by park), ranked here independently
    const pub = (await getReadPublication(t.prisma, 2024, "2024-11"))!;
    const parks = await getFigureBreakdown(t.prisma, pub.publicationId, "park");
    const schedule = scheduleProgress("2024-11");
    const expected = parks
      .map((p) => ({ p, r: dec(p.annualPlanned).isZero() ? null : rate(p.yearInvestmentOfPlanned, p.annualPlanned) }))
      .sort((a, b) => (a.r === null ? 1 : b.r === null ? -1 : a.r.comparedTo(b.r)))
      .map(({ p, r }, i) => [
        String(i + 1),
        p.label,
        String(p.projectCount),
        String(p.projectsWithAnnualPlan),
        p.projectsWithAnnualPlan === 0 ? "—" : formatYi(p.yearInvestmentOfPlanned, { unit: false }),
        p.projectsWithAnnualPlan === 0 ? "—" : formatYi(p.annualPlanned, { unit: false }),
        r === null ? "无同口径计划" : r.toFixed(1),
        r === null ? "—" : `${r.lessThan(schedule) ? "−" : "+"}${r.minus(schedule).abs().toFixed(1)}`,
        formatYi(p.yearInvestment, { unit: false }),
      ]);
    expect(expected.length).toBeGreaterThan(1);
    expect(table.rows).toEqual(expected);
    // and the .docx carries the same rows
    const paragraphs = await docxParagraphs(await documentToDocx(doc));
    for (const row of expected) for (const cell of row.slice(1)) expect(paragraphs).toContain(cell);
  });

  it("lists the warnings with their reasons and the issues with 办结率, as of the publication", async () => {
    const data = (await loadBulletin(t.prisma, "2024-11"))!;
    const doc = writeBulletin(data);
    const text = doc.blocks.map((b) => (b.kind === "table" ? b.rows.flat().join(" ") : "text" in b ? b.text : "")).join("\n");
    expect(doc.asOf).toMatch(/^数据截至2024年11月（已发布/);
    expect(data.warnings.total).toBe(data.headline.totals!.red + data.headline.totals!.yellow);
    expect(text).toContain("红色预警");
    expect(text).toContain(`全年问题台账累计${data.issues.yearRaised}个，已办结${data.issues.yearClosed}个`);
    expect(data.issues.yearRaised).toBeGreaterThan(data.issues.yearClosed);
    expect(data.issues.overdue).toBeGreaterThan(0);
    // 未开工 and behind 序时进度 lists come from the stored figures
    expect(data.notStarted.rows.every((f) => f.actualStartMonth === null)).toBe(true);
    expect(data.behind.rows.every((f) => Number(f.annualRate) < 91.67)).toBe(true);
  });

  it("counts issues as they stood on the publication's date: one closed afterwards is still open and overdue in that 通报", async () => {
    const before = (await loadBulletin(t.prisma, "2024-11"))!;
    const asOf = before.asOfDate;
    const overdue = await t.prisma.issue.findFirstOrThrow({ where: { year: 2024, status: { not: "CLOSED" }, dueDate: { lt: asOf } }, orderBy: { id: "asc" } });
    // closed today, after the publication (whatever step of the 督办 loop it was at; the loop is tested in issue-loop.test.ts)
    await t.prisma.issue.update({ where: { id: overdue.id }, data: { status: "CLOSED", closedDate: new Date(), resolution: "已协调解决", version: { increment: 1 } } });
    const after = (await loadBulletin(t.prisma, "2024-11"))!;
    expect(after.issues).toEqual(before.issues);
    // while the ledger itself now counts it closed
    expect((await t.prisma.issue.findUniqueOrThrow({ where: { id: overdue.id } })).status).toBe("CLOSED");
  });
});
