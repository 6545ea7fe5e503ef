// Publishing says what it leaves behind, and late reports have a way in: the office publishes a
// month only after confirming, by count, the projects that will be published as 未报; afterwards
// the county's to-do and form say the month is published (nothing to type into), the server
// refuses a write in the same words, and a 申请更正 reaches the office, which re-opens the month
// (the request answered by the re-opening's reason) or declines it with a reply the county reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMonthlyReport, reviewMonthlyReport } from "@/server/monthly-reports/service";
import { declineCorrection, publishPeriod, reopenPeriod, requestCorrection } from "@/server/periods/service";
import { getLeftBehind, listPendingCorrections, listProjectCorrections } from "@/server/periods/queries";
import { getTodoBadge, getTodoCounts, listPublishedLeft, listReturnedReports } from "@/server/todo/queries";
import { AuthError } from "@/server/auth/permissions";
import { ConflictError, StateError, ValidationError } from "@/server/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, type Actors } from "../helpers/actors";
import { monthlyReportForm as form } from "../helpers/monthly-report";

const TODAY = "2025-01-08";
const MONTH = "2024-12";

describe("publishing with projects left behind, and 申请更正", () => {
  let t: TestDatabase;
  let a: Actors;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    a = await actorsOf(t.prisma);
  });
  afterAll(async () => t?.drop());

  const version = async () => (await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } })).version;
  const reportOf = (code: string) => t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month: MONTH } });
  const refusal = async (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e,
    );

  it("the publish block names every project not approved, by group: 待审核 blocks, 退回, 草稿 and 未报 are counted", async () => {
    // 中伟 (会同) submits and is approved; 金石 (洞口) is returned; the other two never report
    const zw = await saveMonthlyReport(t.prisma, a.huitong, form());
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: zw.reportId, version: (await reportOf("YQ2024-001")).version, decision: "approve", reason: "" });
    const js = await saveMonthlyReport(t.prisma, a.dongkou, form({ projectCode: "YQ2024-002", cumulativeInvestment: "175000", monthInvestment: "5000" }));
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: js.reportId, version: (await reportOf("YQ2024-002")).version, decision: "return", reason: "与财务数不符" });

    const { counts, rows } = await getLeftBehind(t.prisma, MONTH, 10);
    expect(counts).toEqual({ submitted: 0, returned: 1, draft: 0, missing: 2, correction: 0 });
    expect(rows.returned).toEqual([{ group: "returned", code: "YQ2024-002", name: expect.stringContaining("金石"), parkName: "洞口县园区", returnReason: "与财务数不符" }]);
    expect(rows.missing.map((r) => r.code)).toEqual(["YQ2024-003", "YQ2024-004"]);
    expect(rows.missing.every((r) => r.parkName.length > 0 && r.name.length > 0)).toBe(true);
    // a bounded list keeps its full count
    const one = await getLeftBehind(t.prisma, MONTH, 1);
    expect([one.rows.missing.length, one.counts.missing]).toEqual([1, 2]);
  });

  it("publishing without the confirmation is refused with the counts on the field; a confirmation of other counts is refused as stale; nothing is published", async () => {
    const missing = await refusal(publishPeriod(t.prisma, a.admin, { month: MONTH, version: await version() }, TODAY));
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).fieldErrors.leftBehind).toEqual(["将按未报处理：退回1个、草稿0个、未报2个项目。请勾选确认后再发布。"]);

    // the page was shown before 金石 was returned: it confirmed 0 returned and 3 not reported
    const stale = await refusal(publishPeriod(t.prisma, a.admin, { month: MONTH, version: await version(), leftBehind: "0,0,3,0" }, TODAY));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as Error).message).toBe("在您打开页面之后，未审核通过的项目有了变化（现在将按未报处理：退回1个、草稿0个、未报2个项目），请刷新页面核对后再发布。");

    expect(await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } })).toMatchObject({ status: "OPEN", currentPublicationId: null });
    expect(await t.prisma.auditLog.count({ where: { action: "period.publish", entityId: MONTH } })).toBe(0);
  });

  it("before publishing, the county's returned report is on its to-do as 退回待修改", async () => {
    expect((await listReturnedReports(t.prisma, a.dongkou.parkId!)).rows.map((r) => [r.code, r.month])).toEqual([["YQ2024-002", MONTH]]);
    expect(await listPublishedLeft(t.prisma, a.dongkou.parkId!)).toMatchObject({ month: "2024-11", total: 0 });
  });

  it("published with the confirmation of the counts shown; the publication's audit entry records them", async () => {
    const result = await publishPeriod(t.prisma, a.admin, { month: MONTH, version: await version(), leftBehind: "1,0,2,0" }, TODAY);
    expect(result.publicationNo).toBe(1);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "period.publish", entityId: MONTH } });
    expect(audit.after).toMatchObject({ leftReturned: 1, leftDraft: 0, leftMissing: 2, leftCorrections: 0 });
  });

  it("after publishing the county is told before it types: the returned card no longer offers the form, the published card names the month as 未报, and a write is refused in the same words", async () => {
    const dongkou = a.dongkou.parkId!;
    expect((await listReturnedReports(t.prisma, dongkou)).total).toBe(0);
    const left = await listPublishedLeft(t.prisma, dongkou);
    expect(left).toMatchObject({ month: MONTH, total: 1, unasked: 1 });
    expect(left.rows).toEqual([expect.objectContaining({ code: "YQ2024-002", status: "RETURNED", requestStatus: null, reply: null })]);
    expect(await getTodoCounts(t.prisma, a.dongkou, TODAY)).toMatchObject({ returned: 0, published: 1 });
    // the approved project's county has nothing left behind
    expect(await listPublishedLeft(t.prisma, a.huitong.parkId!)).toMatchObject({ total: 0 });

    const r = await reportOf("YQ2024-002");
    const write = saveMonthlyReport(t.prisma, a.dongkou, form({ projectCode: "YQ2024-002", cumulativeInvestment: "175000", monthInvestment: "5000", version: String(r.version) }));
    await expect(write).rejects.toThrow("2024年12月已发布；本月数据按未报处理。如需更正，请向园区申请重新开放。");
    const approved = await reportOf("YQ2024-001");
    const rewrite = saveMonthlyReport(t.prisma, a.huitong, form({ version: String(approved.version), explanation: "更正" }));
    await expect(rewrite).rejects.toThrow("2024年12月已发布；本月数据只读。如需更正，请向园区申请重新开放。");
    expect((await reportOf("YQ2024-002")).version).toBe(r.version);
  });

  it("申请更正: only for the own park's projects of a published month, one pending at a time; it lands in the office's to-do", async () => {
    const ask = (actor = a.dongkou, over: Partial<{ projectCode: string; month: string; reason: string }> = {}) =>
      requestCorrection(t.prisma, actor, { month: MONTH, projectCode: "YQ2024-002", reason: "财务数已核对，补报12月投资", ...over });
    await expect(ask(a.huitong)).rejects.toBeInstanceOf(AuthError);
    await expect(ask(a.admin)).rejects.toBeInstanceOf(AuthError);
    await expect(ask(a.leader)).rejects.toBeInstanceOf(AuthError);
    await expect(ask(a.dongkou, { month: "2025-01" })).rejects.toThrow("2025年1月未发布（或已重新开放），可以直接填报，无需申请更正。");

    const officeBefore = await getTodoCounts(t.prisma, a.admin, TODAY);
    expect(officeBefore.corrections).toBe(0);
    const badgeBefore = await getTodoBadge(t.prisma, a.admin, TODAY);
    const { id } = await ask();
    await expect(ask()).rejects.toBeInstanceOf(StateError);

    const pending = await listPendingCorrections(t.prisma, { limit: 5 });
    expect(pending.total).toBe(1);
    expect(pending.rows[0]).toMatchObject({ id, month: MONTH, code: "YQ2024-002", parkName: "洞口县园区", reason: "财务数已核对，补报12月投资", status: "PENDING" });
    expect((await getTodoCounts(t.prisma, a.admin, TODAY)).corrections).toBe(1);
    expect(await getTodoBadge(t.prisma, a.admin, TODAY)).toBe(badgeBefore + 1);
    // the county's card shows the request instead of counting the project again
    expect(await listPublishedLeft(t.prisma, a.dongkou.parkId!)).toMatchObject({ total: 1, unasked: 0, rows: [expect.objectContaining({ requestStatus: "PENDING" })] });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "correction.request", entityId: String(id) } });
    expect(audit).toMatchObject({ actor: "dongkou", after: { month: MONTH, reason: "财务数已核对，补报12月投资", status: "PENDING" } });
  });

  it("the office declines with a reply the county reads; a second decision on the same request is refused as a conflict", async () => {
    const [c] = (await listPendingCorrections(t.prisma, { limit: 5 })).rows;
    await expect(declineCorrection(t.prisma, a.dongkou, { requestId: c.id, version: c.version, reply: "请在1月报表中一并更正" })).rejects.toBeInstanceOf(AuthError);
    await declineCorrection(t.prisma, a.admin, { requestId: c.id, version: c.version, reply: "请在1月报表中一并更正" });
    const again = await refusal(declineCorrection(t.prisma, a.admin, { requestId: c.id, version: c.version, reply: "不同意" }));
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as Error).message).toContain("已由");
    expect((again as Error).message).toContain("未同意");

    const left = await listPublishedLeft(t.prisma, a.dongkou.parkId!);
    expect(left.rows[0]).toMatchObject({ code: "YQ2024-002", requestStatus: "DECLINED", reply: "请在1月报表中一并更正" });
    const [history] = await listProjectCorrections(t.prisma, (await reportOf("YQ2024-002")).projectId, MONTH);
    expect(history).toMatchObject({ status: "DECLINED", reply: "请在1月报表中一并更正", decidedBy: expect.any(String) });
    expect((await getTodoCounts(t.prisma, a.admin, TODAY)).corrections).toBe(0);
    expect(await t.prisma.auditLog.count({ where: { action: "correction.decline", entityId: String(c.id) } })).toBe(1);
  });

  it("a new request, answered by re-opening: the request becomes 已重新开放 with the reason as its reply, audited with it, and the county can report again", async () => {
    const { id } = await requestCorrection(t.prisma, a.dongkou, { month: MONTH, projectCode: "YQ2024-002", reason: "财务已出具12月凭证，请重新开放" });
    const stale = (await listPendingCorrections(t.prisma, { limit: 5 })).rows[0];
    await reopenPeriod(t.prisma, a.admin, { month: MONTH, version: await version(), reason: "应洞口县园区申请更正金石资源12月数据", reauthPassword: "demo2024" });
    const c = await t.prisma.correctionRequest.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: "REOPENED", reply: "应洞口县园区申请更正金石资源12月数据", decidedById: a.admin.id });
    expect(await t.prisma.auditLog.count({ where: { action: "correction.reopen", entityId: String(id) } })).toBe(1);
    // declining it afterwards, from the page opened before the re-opening, is a conflict
    await expect(declineCorrection(t.prisma, a.admin, { requestId: stale.id, version: stale.version, reply: "不同意更正" })).rejects.toBeInstanceOf(ConflictError);

    // the month is open again: the returned report is back on the county's to-do, and it saves
    expect((await listReturnedReports(t.prisma, a.dongkou.parkId!)).total).toBe(1);
    const r = await reportOf("YQ2024-002");
    const saved = await saveMonthlyReport(
      t.prisma,
      a.dongkou,
      form({ projectCode: "YQ2024-002", cumulativeInvestment: "175000", monthInvestment: "5000", version: String(r.version) }),
    );
    expect(saved.status).toBe("SUBMITTED");
    // and a request for a month that is open is refused
    await expect(requestCorrection(t.prisma, a.dongkou, { month: MONTH, projectCode: "YQ2024-002", reason: "再次申请更正" })).rejects.toThrow("可以直接填报");
  });
});
