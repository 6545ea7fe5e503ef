// A publication is frozen (issue 16): once a month is published, nothing done afterwards changes
// any of its documents — the 通报 (page model and .docx), the 情况报告 (model and .docx) and the
// 调度表 (.xlsx), of the month's current publication and of that publication asked for by
// number. Closing issues (on the publication's own day), editing and raising issues, reaching
// nodes, editing project, park and plan facts, editing the report's stored text, re-opening the
// month and approving a late report, publishing it again: every document of the first
// publication stays identical, byte for byte apart from the files' own creation time. The
// changes appear in the next publication.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { loadBulletin, writeBulletin } from "@/server/documents/bulletin";
import { loadAnnualReport, writeAnnualReport } from "@/server/documents/annual";
import { documentToDocx } from "@/server/documents/docx";
import { saveReportSection } from "@/server/documents/service";
import { listPublicationCounts } from "@/server/documents/queries";
import { scheduleExport } from "@/server/excel/exports";
import { xlsxBuffer } from "@/server/excel/workbook";
import { closeIssue } from "@/server/issues/service";
import { recordNode } from "@/server/nodes/service";
import { updateProject } from "@/server/projects/service";
import { publishPeriod, reopenPeriod } from "@/server/periods/service";
import { reviewMonthlyReport, saveMonthlyReport } from "@/server/monthly-reports/service";
import { nodeRecordSchema } from "@/lib/schemas/nodes";
import { projectSchema } from "@/lib/schemas/project";
import { reportSectionSchema } from "@/lib/schemas/report-text";
import { closeIssueSchema } from "@/lib/schemas/issue";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { monthlyReportForm } from "../helpers/monthly-report";
import { leftBehindConfirmation } from "../helpers/publication";
import { subCategoriesOf, type IssueTopCategory } from "@/domain/issue-categories";
import { reviewBenefitReport, saveBenefitReport } from "@/server/benefits/service";
import { benefitReportSchema } from "@/lib/schemas/benefits";

/** 会同's DEMO-001 (in production since 2024-06): its 2024 benefits saved, submitted and approved by the office. */
async function approveBenefits(t: TestDatabase, county: Actor, office: Actor, output: string) {
  const existing = await t.prisma.benefitReport.findFirst({ where: { project: { code: "DEMO-001" }, year: 2024, quarter: 0 } });
  const form = { projectCode: "DEMO-001", year: "2024", quarter: "0", output, jobs: "85", intent: "submit", version: String(existing?.version ?? 0) };
  const saved = await saveBenefitReport(t.prisma, county, benefitReportSchema.parse(form));
  const r = await t.prisma.benefitReport.findUniqueOrThrow({ where: { id: saved.reportId } });
  await reviewBenefitReport(t.prisma, office, { reportId: r.id, version: r.version, decision: "approve", reason: "" });
}

/** Another sub-category of the same category (the CHECK allows only the table's pairs). */
const otherSub = (category: IssueTopCategory, code: string) => subCategoriesOf(category).find((s) => s.code !== code)!.code;

const MONTH = "2024-12";
/** the business day the office publishes December on; the changes below happen on it and after */
const PUBLISHED_ON = "2025-01-08";
/** one export time for every 调度表, so the files differ only where their contents do */
const EXPORTED_AT = new Date("2025-01-10T02:00:00Z");

/** A .docx or .xlsx as its parts, without docProps/core.xml (the file's own creation time). */
async function parts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name].dir || name === "docProps/core.xml") continue;
    out[name] = await zip.files[name].async("string");
  }
  return out;
}

type Snapshot = Record<string, unknown>;

describe("a published month never changes", () => {
  let t: TestDatabase;
  let admin: Actor;
  let huitong: Actor;
  let first: Snapshot;

  /** Every document of December's current publication, and of its publication No. 1, as a reader gets them. */
  async function documents(): Promise<Snapshot> {
    const out: Snapshot = {};
    const bulletins = { current: await loadBulletin(t.prisma, MONTH), first: await loadBulletin(t.prisma, MONTH, 1) };
    const reports = { current: await loadAnnualReport(t.prisma, 2024), first: await loadAnnualReport(t.prisma, 2024, MONTH, 1) };
    for (const [which, data] of Object.entries(bulletins)) {
      const doc = writeBulletin(data!);
      out[`bulletin.${which}.model`] = doc;
      out[`bulletin.${which}.docx`] = await parts(await documentToDocx(doc));
    }
    for (const [which, data] of Object.entries(reports)) {
      const doc = writeAnnualReport(data!);
      out[`report.${which}.model`] = doc;
      out[`report.${which}.docx`] = await parts(await documentToDocx(doc));
    }
    const park = await t.prisma.park.findFirstOrThrow({ where: { id: huitong.parkId! } });
    for (const [which, sp] of Object.entries({ current: {}, first: { publication: "1" }, park: { publication: "1", park: String(park.id) } })) {
      const result = await scheduleExport(t.prisma, admin, MONTH, sp, EXPORTED_AT);
      if (!result.ok) throw new Error(result.message);
      out[`schedule.${which}.xlsx`] = await parts(await xlsxBuffer(result.build));
    }
    // the counts shown with the publication on /periods/[month]: issues, nodes, 入库 as of its day
    out["counts.first"] = (await listPublicationCounts(t.prisma, MONTH)).get(1);
    return out;
  }

  /** The documents of publication No. 1 only (the current ones change once the month is re-opened or republished). */
  const pinned = (s: Snapshot) => Object.fromEntries(Object.entries(s).filter(([k]) => k.includes(".first") || k.startsWith("schedule.park")));

  beforeAll(async () => {
    t = await createTestDatabase("demo");
    const actor = async (username: string): Promise<Actor> => {
      const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
      return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, parkId: u.parkId };
    };
    admin = await actor("admin");
    huitong = await actor("huitong");
    // 投产项目效益: DEMO-001's promises and its 2024 benefits, approved before publishing
    await t.prisma.project.update({ where: { code: "DEMO-001" }, data: { expectedOutput: "100000", expectedOutputAtLeast: true, expectedJobs: 80, expectedJobsAtLeast: true } });
    await approveBenefits(t, huitong, admin, "42000");
    // December: the report awaiting review approved, the month published
    for (const r of await t.prisma.monthlyReport.findMany({ where: { month: MONTH, status: "SUBMITTED" } })) {
      await reviewMonthlyReport(t.prisma, admin, { reportId: r.id, version: r.version, decision: "approve", reason: "" });
    }
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
    await publishPeriod(t.prisma, admin, { month: MONTH, version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, MONTH) }, PUBLISHED_ON);
    first = await documents();
  });
  afterAll(async () => t?.drop());

  it("the documents are as of the publication's day, not the day they are read", () => {
    const bulletin = first["bulletin.current.model"] as ReturnType<typeof writeBulletin>;
    expect(bulletin.dateLine).toBe("2025年1月8日");
    expect(JSON.stringify(bulletin.blocks)).toContain("（截至2025年1月8日）");
    const report = first["report.current.model"] as ReturnType<typeof writeAnnualReport>;
    expect(report.dateLine).toBe("2025年1月8日");
    // the month's current publication is publication No. 1: the same documents
    expect(first["bulletin.current.model"]).toEqual(first["bulletin.first.model"]);
    expect(first["report.current.docx"]).toEqual(first["report.first.docx"]);
    expect(first["schedule.current.xlsx"]).toEqual(first["schedule.first.xlsx"]);
  });

  it("closing, editing and raising issues, reaching nodes, editing facts and the report's text change none of its documents", async () => {
    const report = first["report.current.model"] as ReturnType<typeof writeAnnualReport>;
    const text = JSON.stringify(first);

    // an open issue closed on the publication's own day (the day's closures after publishing do not count)
    const open = await t.prisma.issue.findFirstOrThrow({ where: { year: 2024, status: { in: ["OPEN", "ASSIGNED"] } }, orderBy: { id: "asc" } });
    await closeIssue(
      t.prisma,
      admin,
      closeIssueSchema.parse({ issueId: String(open.id), version: String(open.version), resolution: "已协调解决", closedDate: PUBLISHED_ON }),
      PUBLISHED_ON,
    );
    // another open issue renamed and re-described (as 调整 would), and a new one raised that day
    const other = await t.prisma.issue.findFirstOrThrow({
      where: { year: 2024, status: { not: "CLOSED" }, id: { not: open.id }, projectId: { not: null } },
      orderBy: { id: "asc" },
    });
    await t.prisma.issue.update({
      where: { id: other.id },
      data: { title: "（改）已改标题", subCategory: otherSub(other.category, other.subCategory), description: "已改描述。", version: { increment: 1 } },
    });
    const project = await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-001" } });
    await t.prisma.issue.create({
      data: {
        year: 2024,
        projectId: project.id,
        parkId: project.parkId,
        category: other.category,
        subCategory: otherSub(other.category, other.subCategory),
        title: "发布当天新增的问题",
        description: "发布当天新增的问题描述。",
        raisedDate: new Date(`${PUBLISHED_ON}T00:00:00Z`),
        dueDate: new Date("2025-01-01T00:00:00Z"),
      },
    });
    // a node reached
    const node = await t.prisma.milestone.findFirstOrThrow({ where: { projectId: project.id, kind: "MAIN_STRUCTURE" } });
    await recordNode(
      t.prisma,
      huitong,
      nodeRecordSchema.parse({ code: project.code, kind: "MAIN_STRUCTURE", stamp: node.updatedAt.toISOString(), actualDate: "2025-01-05", evidence: "主体结构验收记录" }),
    );
    // the project's facts (name, 建设内容, benefits, 包保领导) edited by the office
    const form = projectSchema.parse({
      code: project.code,
      version: String(project.version),
      name: "中伟新材料项目（已更名）",
      parkId: String(project.parkId),
      enterprise: "改后的建设单位",
      totalInvestment: project.totalInvestment.toString(),
      status: project.status,
      plannedStartMonth: project.plannedStartMonth ?? "",
      actualStartMonth: project.actualStartMonth ?? "",
      plannedProductionMonth: project.plannedProductionMonth ?? "",
      constructionContent: "改后的建设内容",
      expectedOutput: "999999",
      responsibleLeader: "改后的领导",
      metricName_0: "改后的指标",
      metricValue_0: "1",
      metricUnit_0: "吨",
    });
    await updateProject(t.prisma, admin, form);
    // every project, park and the plan renamed behind the office's back
    await t.prisma.$executeRaw`UPDATE "Project" SET name = name || '（改）', "constructionContent" = '改', "responsibleLeader" = '改', "plannedProductionMonth" = '2031-01'`;
    await t.prisma.$executeRaw`UPDATE "Park" SET name = name || '（改）', county = '改', "sortOrder" = -"sortOrder"`;
    await t.prisma.annualPlan.update({
      where: { year: 2024 },
      data: { title: "改后的计划标题", declaredProjectCount: 99, targetText: "改后的目标", startDeadline: new Date("2024-12-31T00:00:00Z") },
    });
    // the report's stored text: a paragraph edited, one added
    const section = await t.prisma.reportSection.findFirstOrThrow({ where: { plan: { year: 2024 } }, orderBy: { id: "asc" } });
    await saveReportSection(
      t.prisma,
      admin,
      reportSectionSchema.parse({ year: "2024", id: String(section.id), key: section.key, version: String(section.version), title: "改后的小标题", body: "改后的正文。" }),
    );
    await saveReportSection(t.prisma, admin, reportSectionSchema.parse({ year: "2024", id: "", key: "next-steps", title: "新增的段落", body: "新增的正文。" }));
    // 投产项目效益: the benefits corrected and approved again, 达产 reached, the promise changed
    await approveBenefits(t, huitong, admin, "150000");
    const demo1 = await t.prisma.project.findUniqueOrThrow({ where: { code: "DEMO-001" } });
    await t.prisma.milestone.upsert({
      where: { projectId_name: { projectId: demo1.id, name: "达产" } },
      create: { projectId: demo1.id, kind: "FULL_PRODUCTION", name: "达产", actualDate: new Date("2024-12-20T00:00:00Z") },
      update: { actualDate: new Date("2024-12-20T00:00:00Z") },
    });
    await t.prisma.project.update({ where: { id: demo1.id }, data: { expectedOutput: "50000" } });

    // the changes are real: the live data says so
    expect((await t.prisma.issue.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("CLOSED");
    expect(first["counts.first"]).toBeDefined();
    expect(report.blocks.some((b) => "lead" in b && b.lead?.includes("中伟新材料项目。"))).toBe(true);
    expect(text).not.toContain("已更名");
    // the 通报's and the 情况报告's 投产项目效益 as published
    const bulletin = JSON.stringify((first["bulletin.first.model"] as ReturnType<typeof writeBulletin>).blocks);
    expect(bulletin).toContain("九、投产项目效益");
    expect(bulletin).toContain(
      "2024年6月投产，投产未达产。项目承诺达产后年产值10亿元以上、新增就业80人以上。2024年实现产值4.2亿元，为承诺的42%；2024年新增就业85人，为承诺的106.2%，已达到承诺。",
    );
    expect(JSON.stringify(report.blocks)).toContain("2024年实现产值4.2亿元，为承诺的42%");

    expect(await documents()).toEqual(first);
  });

  it("re-opened and a late report approved, then published again: publication No. 1's documents stay as they were; the new one has the changes", async () => {
    let period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
    await reopenPeriod(t.prisma, admin, { month: MONTH, version: period.version, reason: "补报中伟新材料12月数据", reauthPassword: "demo2024" });
    const existing = await t.prisma.monthlyReport.findFirst({ where: { month: MONTH, project: { code: "YQ2024-001" } } });
    const before = (first["bulletin.first.model"] as ReturnType<typeof writeBulletin>).blocks;
    const saved = await saveMonthlyReport(t.prisma, huitong, monthlyReportForm({ version: String(existing?.version ?? 0) }));
    const report = await t.prisma.monthlyReport.findUniqueOrThrow({ where: { id: saved.reportId } });
    await reviewMonthlyReport(t.prisma, admin, { reportId: report.id, version: report.version, decision: "approve", reason: "" });

    // while re-opened: the documents of the month are still those of publication No. 1
    const reopened = await documents();
    expect(pinned(reopened)).toEqual(pinned(first));
    expect(reopened["bulletin.current.docx"]).toEqual(first["bulletin.current.docx"]);
    expect(reopened["report.current.docx"]).toEqual(first["report.current.docx"]);

    period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
    await publishPeriod(t.prisma, admin, { month: MONTH, version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, MONTH) }, "2025-01-15");
    const republished = await documents();
    expect(pinned(republished)).toEqual(pinned(first));

    // publication No. 2 is what the month says now: the late report, the edits, its own day
    const second = writeBulletin((await loadBulletin(t.prisma, MONTH))!);
    expect(second.asOf).toContain("第2次发布");
    expect(second.dateLine).toBe("2025年1月15日");
    expect(JSON.stringify(second.blocks)).not.toEqual(JSON.stringify(before));
    const secondReport = JSON.stringify(writeAnnualReport((await loadAnnualReport(t.prisma, 2024))!));
    expect(secondReport).toContain("中伟新材料项目（已更名）（改）");
    expect(secondReport).toContain("改后的正文。");
    expect(secondReport).toContain("改后的计划标题");
    expect(secondReport).not.toContain("（2024年11月数，2024年12月未报）。主要建设内容包括：改后的建设内容");
  });

  it("a publication made before document inputs were stored still opens, and says its issues and text are current", async () => {
    const november = await t.prisma.periodPublication.findFirstOrThrow({ where: { period: { month: "2024-11" } }, orderBy: { publicationNo: "desc" } });
    await t.prisma.publicationDocumentInputs.delete({ where: { publicationId: november.id } });
    const doc = writeBulletin((await loadBulletin(t.prisma, "2024-11"))!);
    expect(doc.asOf).toContain("该次发布早于发布存档功能");
  });
});
