// The monthly reporting workflow through its service: save, submit, return, correct,
// approve; revisions kept; conflicts detected; audit complete.
import { describe, expect, it } from "vitest";
import { saveMonthlyReport, reviewMonthlyReport, withdrawMonthlyReport } from "@/server/monthly-reports/service";
import { getReviewQueue } from "@/server/monthly-reports/queries";
import { previousCountedFigure } from "@/server/monthly-reports/counted-revision";
import { ConflictError, StateError, ValidationError } from "@/server/errors";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { type Actors } from "../helpers/actors";
import { monthlyReportForm as form } from "../helpers/monthly-report";

describe("monthly report workflow", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

  const report = () =>
    t.prisma.monthlyReport.findFirstOrThrow({
      where: { project: { code: "YQ2024-001" }, month: "2024-12" },
      include: { revisions: { orderBy: { revisionNo: "asc" } }, events: { orderBy: { id: "asc" } } },
    });

  it("county submits, admin returns with a reason, county corrects and resubmits, admin approves", async () => {
    const first = await saveMonthlyReport(t.prisma, a.huitong, form());
    expect(first).toMatchObject({ revisionNo: 1, status: "SUBMITTED" });

    // a submitted month is locked for the county until it is returned
    await expect(saveMonthlyReport(t.prisma, a.huitong, form({ version: "1" }))).rejects.toBeInstanceOf(StateError);

    await reviewMonthlyReport(t.prisma, a.admin, { reportId: first.reportId, version: 1, decision: "return", reason: "本月投资与财务报表不符" });
    let r = await report();
    expect(r.status).toBe("RETURNED");
    expect(r.returnReason).toBe("本月投资与财务报表不符");
    expect(r.approvedRevisionId).toBeNull();

    const second = await saveMonthlyReport(t.prisma, a.huitong, form({ monthInvestment: "4000", cumulativeInvestment: "154000", version: String(r.version) }));
    expect(second).toMatchObject({ revisionNo: 2, status: "SUBMITTED" });
    r = await report();
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "approve", reason: "" });
    r = await report();
    expect(r.status).toBe("APPROVED");
    expect(r.approvedRevisionId).toBe(r.revisions[1].id);
    expect(r.revisions.map((v) => [v.revisionNo, v.cumulativeInvestment.toString()])).toEqual([
      [1, "155000"],
      [2, "154000"],
    ]);
    expect(r.events.map((e) => e.action)).toEqual(["SUBMIT", "RETURN", "SUBMIT", "APPROVE"]);

    const audit = await t.prisma.auditLog.findMany({ where: { entity: "MonthlyReport", entityId: String(r.id) }, orderBy: { id: "asc" } });
    expect(audit.map((x) => [x.action, x.actor])).toEqual([
      ["report.submit", "huitong"],
      ["report.return", "admin"],
      ["report.submit", "huitong"],
      ["report.approve", "admin"],
    ]);
  });

  it("a correction after approval is a new revision; the approved figure stays until it is approved again", async () => {
    let r = await report();
    await saveMonthlyReport(t.prisma, a.huitong, form({ monthInvestment: "4500", cumulativeInvestment: "154500", explanation: "", version: String(r.version) }));
    r = await report();
    expect(r.status).toBe("SUBMITTED");
    expect(r.revisions).toHaveLength(3);
    expect(r.approvedRevisionId).toBe(r.revisions[1].id); // still the approved 154000
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "approve", reason: "" });
    r = await report();
    expect(r.approvedRevisionId).toBe(r.revisions[2].id);
  });

  it("the second of two people editing the same month gets a conflict with both values", async () => {
    const r = await report();
    await saveMonthlyReport(
      t.prisma,
      a.admin,
      form({ monthInvestment: "4500", cumulativeInvestment: "154500", progressText: "管理员更正", intent: "save", version: String(r.version) }),
    );
    const stale = saveMonthlyReport(
      t.prisma,
      a.huitong,
      form({ monthInvestment: "6000", cumulativeInvestment: "156000", progressText: "县区填写", intent: "save", version: String(r.version) }),
    );
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.catch((e) => e)) as ConflictError;
    expect(error.details?.theirs).toMatchObject({ cumulativeInvestment: "154500", progressText: "管理员更正" });
    expect(error.details?.yours).toMatchObject({ cumulativeInvestment: "156000", progressText: "县区填写" });
    expect((await report()).revisions.at(-1)!.progressText).toBe("管理员更正");
  });

  it("checks cumulative = previous + this month unless explained, and over-total needs an explanation", async () => {
    const jan = form({ month: "2024-10", projectCode: "YQ2024-002", monthInvestment: "100", cumulativeInvestment: "100", version: "0" });
    await saveMonthlyReport(t.prisma, a.dongkou, jan); // no earlier month: a baseline
    const bad = saveMonthlyReport(t.prisma, a.dongkou, form({ projectCode: "YQ2024-002", month: "2024-12", monthInvestment: "100", cumulativeInvestment: "999", version: "0" }));
    const err = (await bad.catch((e) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    // the newest earlier month is 2024-11 (17亿元 from the report)
    expect(err.fieldErrors.cumulativeInvestment?.[0]).toContain("应为上期（2024年11月）累计 170,000万元 + 本月 100万元 = 170,100万元");
    const over = (await saveMonthlyReport(
      t.prisma,
      a.dongkou,
      form({ projectCode: "YQ2024-002", month: "2024-12", monthInvestment: "500000", cumulativeInvestment: "670000", version: "0" }),
    ).catch((e) => e)) as ValidationError;
    expect(over.fieldErrors.explanation?.[0]).toContain("超过项目总投资");
    const explained = await saveMonthlyReport(
      t.prisma,
      a.dongkou,
      form({ projectCode: "YQ2024-002", month: "2024-12", monthInvestment: "100", cumulativeInvestment: "999", explanation: "更正：前期数据含土地款", version: "0" }),
    );
    expect(explained.revisionNo).toBe(1);
  });

  it("twenty concurrent submissions of one project-month: every accepted one kept as a revision, exactly one current, audit complete", async () => {
    const code = "YQ2024-003";
    const month = "2024-12";
    const attempt = async (i: number) => {
      for (let tries = 0; tries < 60; tries++) {
        const existing = await t.prisma.monthlyReport.findFirst({ where: { project: { code }, month } });
        try {
          await saveMonthlyReport(
            t.prisma,
            a.admin,
            form({
              projectCode: code,
              month,
              monthInvestment: String(i),
              cumulativeInvestment: String(56000 + i),
              progressText: `第${i}次`,
              intent: "save",
              version: String(existing?.version ?? 0),
            }),
          );
          return tries;
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
      throw new Error("never got through");
    };
    const retries = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(i + 1)));
    expect(retries.some((n) => n > 0)).toBe(true); // they really did collide
    const r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month }, include: { revisions: { orderBy: { revisionNo: "asc" } } } });
    expect(r.revisions.map((v) => v.revisionNo)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(r.revisions.map((v) => v.progressText)).size).toBe(20);
    expect(r.currentRevisionId).toBe(r.revisions[19].id);
    expect(await t.prisma.monthlyReport.count({ where: { project: { code }, month } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { entity: "MonthlyReport", entityId: String(r.id) } })).toBe(20);
    expect(await t.prisma.reportEvent.count({ where: { reportId: r.id } })).toBe(20);
  });

  it("twenty concurrent submissions from the same page: one is accepted, nineteen see a conflict, nothing is lost", async () => {
    const code = "YQ2024-004";
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        saveMonthlyReport(
          t.prisma,
          a.admin,
          form({ projectCode: code, month: "2024-12", monthInvestment: "10", cumulativeInvestment: "47010", progressText: `同时${i}`, version: "0" }),
        ),
      ),
    );
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((x): x is PromiseRejectedResult => x.status === "rejected");
    expect(rejected).toHaveLength(19);
    for (const x of rejected) expect(x.reason).toBeInstanceOf(ConflictError);
    const r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month: "2024-12" }, include: { revisions: true } });
    expect(r.revisions).toHaveLength(1);
    expect(r.currentRevisionId).toBe(r.revisions[0].id);
    expect(await t.prisma.auditLog.count({ where: { entity: "MonthlyReport", entityId: String(r.id) } })).toBe(1);
  });
});

describe("撤回: a county withdraws its own submitted report before review", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

  const get = () => t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-002" }, month: "2024-12" }, include: { events: { orderBy: { id: "asc" } } } });
  const inQueue = async () => (await getReviewQueue(t.prisma, {}, 1)).items.some((i) => i.projectCode === "YQ2024-002");
  const submit = async (cumulative: string, monthInvestment: string) => {
    const r = await t.prisma.monthlyReport.findFirst({ where: { project: { code: "YQ2024-002" }, month: "2024-12" } });
    return saveMonthlyReport(
      t.prisma,
      a.dongkou,
      form({ projectCode: "YQ2024-002", monthInvestment, cumulativeInvestment: cumulative, version: String(r?.version ?? 0), intent: "submit" }),
    );
  };
  const counted = async () => (await previousCountedFigure(t.prisma, (await get()).projectId, "2025-01"))?.cumulativeInvestment ?? null;

  it("back to draft with its revisions kept, out of the review queue, audited; only once, only from the page seen", async () => {
    await submit("170010", "10");
    let r = await get();
    expect(await inQueue()).toBe(true);
    expect(await counted()).toBe("170010"); // a submitted month counts for the next month's check

    await expect(withdrawMonthlyReport(t.prisma, a.dongkou, { reportId: r.id, version: r.version - 1 })).rejects.toBeInstanceOf(ConflictError);
    await withdrawMonthlyReport(t.prisma, a.dongkou, { reportId: r.id, version: r.version });
    r = await get();
    expect(r.status).toBe("DRAFT");
    expect(r.approvedRevisionId).toBeNull();
    expect(r.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["SUBMIT", null, "SUBMITTED"],
      ["WITHDRAW", "SUBMITTED", "DRAFT"],
    ]);
    expect(await t.prisma.monthlyReportRevision.count({ where: { reportId: r.id } })).toBe(1);
    expect(await inQueue()).toBe(false);
    expect(await counted()).toBe("170000"); // November's approved figure again
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "report.withdraw" } });
    expect([audit.actor, audit.entityId, (audit.after as { status: string }).status]).toEqual(["dongkou", String(r.id), "DRAFT"]);
    await expect(withdrawMonthlyReport(t.prisma, a.dongkou, { reportId: r.id, version: r.version })).rejects.toThrow("只能撤回“已提交”且尚未审核的报表，该报表当前为“草稿”。");
  });

  it("a reviewed report cannot be withdrawn; a withdrawn correction leaves the approved figure counting", async () => {
    await submit("170010", "10");
    let r = await get();
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "approve", reason: "" });
    r = await get();
    await expect(withdrawMonthlyReport(t.prisma, a.dongkou, { reportId: r.id, version: r.version })).rejects.toBeInstanceOf(StateError);
    await submit("170020", "20"); // a correction, awaiting review
    expect(await counted()).toBe("170020");
    r = await get();
    await withdrawMonthlyReport(t.prisma, a.dongkou, { reportId: r.id, version: r.version });
    r = await get();
    expect(r.status).toBe("DRAFT");
    expect(await counted()).toBe("170010"); // the approved revision counts again
    expect(await inQueue()).toBe(false);
  });
});
