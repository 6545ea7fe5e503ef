// 数据质量 at publishing (issue #17): December's reports of the seed's four projects, submitted by the
// counties and approved by the office through the services, trip several checks; publishing stores
// each flag with the publication (county park as published, the 核实说明 given on approval), the
// 月度通报 counts them by kind and county park (page model and .docx), the office lists them one by
// one, paged and filtered in SQL. Re-opening and publishing again makes new flags for the new
// publication; publication No. 1's section never changes. A publication made before the checks
// existed says so instead of "0".
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { publishPeriod, reopenPeriod } from "@/server/periods/service";
import { reviewMonthlyReport, saveMonthlyReport, type PhotoChanges } from "@/server/monthly-reports/service";
import { loadBulletin, writeBulletin } from "@/server/documents/bulletin";
import { documentToDocx } from "@/server/documents/docx";
import { listPublicationQualityFlags, publicationQualitySummary, qualityCountsOfMonth } from "@/server/data-quality/queries";
import type { ReviewInput } from "@/lib/schemas/monthly-report";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, type Actors } from "../helpers/actors";
import { monthlyReportForm } from "../helpers/monthly-report";
import { leftBehindConfirmation } from "../helpers/publication";
import * as img from "../helpers/images";

const MONTH = "2024-12";

let t: TestDatabase;
let a: Actors;

const file = (name: string, bytes: Buffer) => ({ name, size: bytes.length, bytes: async () => new Uint8Array(bytes) });

async function reportOf(code: string, month = MONTH) {
  return t.prisma.monthlyReport.findFirst({ where: { project: { code }, month } });
}

/** A county (or the office) submits a project's month through the report service. */
async function submit(actor: Actor, code: string, fields: Record<string, string>, photos?: PhotoChanges) {
  const version = String((await reportOf(code))?.version ?? 0);
  await saveMonthlyReport(t.prisma, actor, monthlyReportForm({ projectCode: code, month: MONTH, version, intent: "submit", ...fields }), photos);
}

/** The office approves through the review service, with a 核实说明 when one is given (the service keeps it on the APPROVE event). */
async function approve(code: string, note = "") {
  const r = (await reportOf(code))!;
  const review = { reportId: r.id, version: r.version, decision: "approve", reason: "", note } as ReviewInput;
  await reviewMonthlyReport(t.prisma, a.admin, review);
}

async function publish(today: string) {
  const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
  return publishPeriod(t.prisma, a.admin, { month: MONTH, version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, MONTH) }, today);
}

async function publicationId(no: number) {
  return (await t.prisma.periodPublication.findFirstOrThrow({ where: { period: { month: MONTH }, publicationNo: no } })).id;
}

/** The stored flags of a publication as "code kind", with their park and 核实说明. */
async function storedFlags(no: number) {
  const rows = await t.prisma.$queryRaw<Array<{ code: string; kind: string; park: string; verification: string | null }>>`
    SELECT p.code, f.kind::text, pk.name AS park, f.verification
      FROM "PublicationQualityFlag" f JOIN "Project" p ON p.id = f."projectId" JOIN "Park" pk ON pk.id = f."parkId"
     WHERE f."publicationId" = ${await publicationId(no)}
     ORDER BY p.code, f.kind`;
  return rows.map((r) => `${r.code} ${r.kind} ${r.park} ${r.verification ?? "—"}`);
}

/** The 通报's 数据质量 section: its heading and what follows up to the next heading (or the end). */
function qualitySection(blocks: ReturnType<typeof writeBulletin>["blocks"]) {
  const start = blocks.findIndex((b) => b.kind === "h1" && b.text === "七、数据质量");
  const end = blocks.findIndex((b, i) => i > start && b.kind === "h1");
  return blocks.slice(start, end === -1 ? undefined : end);
}

async function docxText(doc: ReturnType<typeof writeBulletin>): Promise<string> {
  const zip = await JSZip.loadAsync(await documentToDocx(doc));
  return (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
}

const JUMP_NOTE = "已核实：12月支付主体设备预付款，附合同及付款凭证";
const TEXT_NOTE = "已核实：形象进度沿用上月表述，现场已复核";
const OVER_NOTE = "已核实：总投资调增手续正在办理";
const PHOTO_NOTE = "已核实：两项目共用进场道路，照片为同一处";

beforeAll(async () => {
  t = await createTestDatabase("seeded");
  a = await actorsOf(t.prisma);
  const photo = await img.cameraJpeg(1200, 900);
  const nov = await t.prisma.monthlyReportRevision.findFirstOrThrow({ where: { report: { project: { code: "YQ2024-001" }, month: "2024-11" } } });
  // 会同 中伟新材料 (总投资 330,000万元, no 本月 reported before): 本月 40,000 — more than 3× the trailing
  // average (none) and more than 10% of 总投资 — with November's 形象进度 word for word
  await submit(a.huitong, "YQ2024-001", { monthInvestment: "40000", cumulativeInvestment: "190000", progressText: nov.progressText });
  // 洞口 金石资源 (总投资 538,000万元): 累计 550,000 beyond 总投资, explained
  await submit(a.dongkou, "YQ2024-002", { monthInvestment: "5000", cumulativeInvestment: "550000", progressText: "综合料场完工", explanation: "总投资拟调增，手续办理中" });
  // 溆浦 锐业制药 and 新晃 华润电力 (entered by the office): the same site photo for both
  await submit(a.admin, "YQ2024-003", { monthInvestment: "2000", cumulativeInvestment: "58000", progressText: "车间基础施工" }, { keep: [], files: [file("现场.jpg", photo)] });
  await submit(a.admin, "YQ2024-004", { monthInvestment: "3000", cumulativeInvestment: "50000", progressText: "锅炉间钢结构吊装" }, { keep: [], files: [file("现场.jpg", photo)] });
  await approve("YQ2024-001", `${JUMP_NOTE}；${TEXT_NOTE}`);
  await approve("YQ2024-002", OVER_NOTE);
  // 锐业 was submitted before the photo was used again: nothing to verify when it was approved
  await approve("YQ2024-003");
  await approve("YQ2024-004", PHOTO_NOTE);
  await publish("2025-01-08");
});
afterAll(async () => t?.drop());

describe("publishing stores the 数据质量 flags of the month's reports with the publication", () => {
  it("flags each reported project's approved figures on the approved history, with its park and the 核实说明 of its approval", async () => {
    expect(await storedFlags(1)).toEqual([
      `YQ2024-001 JUMP 会同县园区 ${JUMP_NOTE}；${TEXT_NOTE}`,
      `YQ2024-001 TEXT_UNCHANGED 会同县园区 ${JUMP_NOTE}；${TEXT_NOTE}`,
      `YQ2024-002 OVER_TOTAL 洞口县园区 ${OVER_NOTE}`,
      "YQ2024-003 PHOTO_REUSED 溆浦县园区 —",
      `YQ2024-004 PHOTO_REUSED 新晃县园区 ${PHOTO_NOTE}`,
    ]);
    const flags = await listPublicationQualityFlags(t.prisma, { publicationId: await publicationId(1), page: 1, size: 20 });
    expect(flags.rows.find((r) => r.kind === "JUMP")?.message).toBe("本月完成投资 40,000万元，前三个月均无投资，占总投资 12.1%");
    // the publication's audit entry says how many prompts it froze
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "period.publish", entityId: MONTH }, orderBy: { id: "asc" } });
    expect(audit.after).toMatchObject({ publicationNo: 1, qualityFlags: 5 });
    expect(flags.rows.find((r) => r.code === "YQ2024-003")?.message).toBe("形象进度照片与「华润电力天然气热电联产项目」2024年12月的报表照片相同");
  });

  it("the 通报 counts them by kind and by county park, and says how many lack a 核实说明 (page model and .docx)", async () => {
    const doc = writeBulletin((await loadBulletin(t.prisma, MONTH))!);
    const sentence =
      "本月审核发布的报表中，系统提示数据质量问题5条（涉及4个项目）：本月投资突增1条、累计超过总投资1条、照片重复使用2条、形象进度未更新1条；" +
      "按县区：会同县园区2条、洞口县园区1条、溆浦县园区1条、新晃县园区1条；其中1条未附核实说明。";
    expect(qualitySection(doc.blocks)).toEqual([
      { kind: "h1", text: "七、数据质量", anchor: "data-quality" },
      { kind: "p", text: sentence },
      expect.objectContaining({ kind: "note" }),
    ]);
    // the leaders' document names no project and shows no evidence
    expect(JSON.stringify(qualitySection(doc.blocks))).not.toMatch(/中伟|金石|锐业|华润|40,000/);
    expect(await docxText(doc)).toContain(sentence);
    const summary = await publicationQualitySummary(t.prisma, await publicationId(1));
    expect(summary.byPark.map((p) => [p.parkName, p.count])).toEqual([
      ["会同县园区", 2],
      ["洞口县园区", 1],
      ["溆浦县园区", 1],
      ["新晃县园区", 1],
    ]);
  });

  it("the office's list is filtered by county park and kind and paged in SQL", async () => {
    const id = await publicationId(1);
    const summary = await publicationQualitySummary(t.prisma, id);
    const huitong = summary.byPark.find((p) => p.parkName === "会同县园区")!.parkId;
    const inHuitong = await listPublicationQualityFlags(t.prisma, { publicationId: id, parkId: huitong, page: 1, size: 20 });
    expect(inHuitong.rows.map((r) => r.kind)).toEqual(["JUMP", "TEXT_UNCHANGED"]);
    const photos = await listPublicationQualityFlags(t.prisma, { publicationId: id, kind: "PHOTO_REUSED", page: 1, size: 20 });
    expect(photos.total).toBe(2);
    expect(photos.rows.map((r) => [r.parkName, r.verification])).toEqual([
      ["溆浦县园区", null],
      ["新晃县园区", PHOTO_NOTE],
    ]);
    const page2 = await listPublicationQualityFlags(t.prisma, { publicationId: id, page: 2, size: 2 });
    expect(page2.total).toBe(5);
    expect(page2.rows.map((r) => `${r.code} ${r.kind}`)).toEqual(["YQ2024-002 OVER_TOTAL", "YQ2024-003 PHOTO_REUSED"]);
  });

  it("re-opened, corrected and published again: the new publication has its own flags; publication No. 1's never change", async () => {
    const first = writeBulletin((await loadBulletin(t.prisma, MONTH, 1))!);
    let period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
    await reopenPeriod(t.prisma, a.admin, { month: MONTH, version: period.version, reason: "中伟新材料更正12月投资", reauthPassword: "demo2024" });
    // 中伟新材料 corrects its month: 本月 10,000 (below 10% of 总投资), new 形象进度; approved without a note
    await submit(a.huitong, "YQ2024-001", { monthInvestment: "10000", cumulativeInvestment: "160000", progressText: "主体厂房封顶，设备基础施工" });
    await approve("YQ2024-001");
    period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
    await publish("2025-01-15");

    expect(await storedFlags(2)).toEqual([
      `YQ2024-002 OVER_TOTAL 洞口县园区 ${OVER_NOTE}`,
      "YQ2024-003 PHOTO_REUSED 溆浦县园区 —",
      `YQ2024-004 PHOTO_REUSED 新晃县园区 ${PHOTO_NOTE}`,
    ]);
    expect(await storedFlags(1)).toHaveLength(5);
    const second = writeBulletin((await loadBulletin(t.prisma, MONTH))!);
    expect(qualitySection(second.blocks)[1]).toEqual({
      kind: "p",
      text: "本月审核发布的报表中，系统提示数据质量问题3条（涉及3个项目）：累计超过总投资1条、照片重复使用2条；按县区：洞口县园区1条、溆浦县园区1条、新晃县园区1条；其中1条未附核实说明。",
    });
    expect(writeBulletin((await loadBulletin(t.prisma, MONTH, 1))!)).toEqual(first);
    expect([...(await qualityCountsOfMonth(t.prisma, MONTH))].sort()).toEqual([
      [1, { count: 5, projects: 4 }],
      [2, { count: 3, projects: 3 }],
    ]);
    // a stored flag is never changed
    await expect(t.prisma.$executeRaw`UPDATE "PublicationQualityFlag" SET verification = '改' WHERE "publicationId" = ${await publicationId(1)}`).rejects.toThrow();
  });

  it("a publication with nothing flagged says so in one line; one made before the checks existed says they were not yet in use", async () => {
    // November, published when the seed was loaded: its reports (the seed report's figures) trip nothing
    const november = writeBulletin((await loadBulletin(t.prisma, "2024-11"))!);
    expect(qualitySection(november.blocks).slice(1)).toEqual([{ kind: "p", text: "本月审核发布的报表中，系统未提示数据质量问题。" }]);
    // a publication from before the checks: what the migration leaves on every earlier publication
    const id = (await t.prisma.periodPublication.findFirstOrThrow({ where: { period: { month: "2024-11" } } })).id;
    await t.prisma.$executeRawUnsafe(`ALTER TABLE "PeriodPublication" DISABLE TRIGGER "PeriodPublication_immutable"`);
    await t.prisma.$executeRaw`UPDATE "PeriodPublication" SET "qualityChecked" = false WHERE id = ${id}`;
    await t.prisma.$executeRawUnsafe(`ALTER TABLE "PeriodPublication" ENABLE TRIGGER "PeriodPublication_immutable"`);
    const legacy = writeBulletin((await loadBulletin(t.prisma, "2024-11"))!);
    expect(qualitySection(legacy.blocks).slice(1)).toEqual([{ kind: "p", text: "本期发布时尚未启用数据质量检查。" }]);
    expect(JSON.stringify(qualitySection(legacy.blocks))).not.toContain("0条");
  });
});
