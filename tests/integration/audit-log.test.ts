// The audit log as a park official reads it: every action the code can write under its Chinese
// name, a report approval as a Chinese before → after of only what changed, names instead of
// ids, filters by person, action, entity and date, sign-ins in their own view, administrators'
// account actions in theirs, read by the 审计员 too, a CSV export for administrators and auditors
// only, and no entry for a save that changed nothing.
import { describe, expect, it } from "vitest";
// first, before the app: the request and database the app's code sees
import { request as h } from "../helpers/next-request";

import { AUDIT_ACTIONS, type AuditAction } from "@/server/audit/names";
import { writeAudit } from "@/server/audit/write";
import { AUDIT_ENTITY_LABEL } from "@/server/audit/labels";
import { ACCOUNT_ACTIONS, AUDIT_EXPORT_LIMIT, auditPeople, listAudit, parseAuditFilters, type AuditFilters } from "@/server/audit/queries";
import { auditExport } from "@/server/excel/exports";
import { xlsxBuffer } from "@/server/excel/workbook";
import { loadWorkbook } from "../helpers/xlsx";
import { unlockUsername } from "@/server/auth/throttle";
import { NO_CHANGE_MESSAGE } from "@/server/audit/unchanged";
import { GET as exportCsv } from "@/app/admin/audit/export/route";
import { reviewMonthlyReport, saveMonthlyReport } from "@/server/monthly-reports/service";
import { saveMilestones, savePlannedInvestment, updateProject } from "@/server/projects/service";
import { savePlan, setPlanEntries } from "@/server/plans/service";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/server/users/service";
import { assignIssue, createIssue } from "@/server/issues/service";
import { openPeriod } from "@/server/periods/service";
import { updateProjectAction } from "@/server/projects/actions";
import { initialActionState } from "@/server/action-state";
import { milestonesSchema, planEntriesSchema, planSchema, plannedInvestmentSchema, projectSchema } from "@/lib/schemas/project";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { assignIssueSchema, createIssueSchema } from "@/lib/schemas/issue";
import { openPeriodSchema } from "@/lib/schemas/period";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { projectFields, storedPlanFields } from "../helpers/admin-forms";
import { sessionToken, type Actors } from "../helpers/actors";
import { formData } from "../helpers/fingerprint";
import { monthlyReportForm } from "../helpers/monthly-report";

let t: TestDatabase;
let a: Actors;
useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);

const CJK = /[\u4e00-\u9fff]/;
const filters = (over: Partial<AuditFilters> = {}): AuditFilters => ({ view: "changes", page: 1, ...over });
const auditCount = () => t.prisma.auditLog.count();

describe("the audit page in Chinese", () => {
  it("shows the Chinese label of every action the code can write (the action constants enumerated)", async () => {
    const actions = Object.keys(AUDIT_ACTIONS) as AuditAction[];
    expect(actions.length).toBeGreaterThan(25);
    const first = await t.prisma.auditLog.aggregate({ _max: { id: true } });
    for (const action of actions) {
      await t.prisma.$transaction((tx) => writeAudit(tx, a.admin, { action, entity: "User", entityId: a.admin.id, ip: "::1" }));
    }
    const logins: string[] = actions.filter((x) => x === "login" || x.startsWith("login."));
    const shown = new Map<string, { actionLabel: string; subject: string; actorLabel: string; ip: string }>();
    for (const view of ["changes", "logins"] as const) {
      // every page: there are more actions than one page holds
      for (let page = 1; page <= 5; page++) {
        const { rows } = await listAudit(t.prisma, filters({ view, user: "admin", page }));
        for (const r of rows) if (BigInt(r.id) > (first._max.id ?? 0n)) shown.set(r.action, r);
      }
    }
    for (const action of actions) {
      const row = shown.get(action);
      expect(row, action).toBeDefined();
      expect(row!.actionLabel, action).toBe(AUDIT_ACTIONS[action]);
      expect(row!.actionLabel, action).toMatch(CJK);
      expect(row!.actionLabel).not.toMatch(/[a-z]{3,}/i);
      expect(row!.subject).toBe("用户 园区管理员（admin）".replace("园区管理员", a.admin.displayName));
      expect(row!.actorLabel).toContain(a.admin.displayName);
      expect(row!.ip).toBe("本机");
    }
    // sign-ins are only in their own view, everything else only in the main one
    const main = await listAudit(t.prisma, filters({ user: "admin" }));
    expect(main.rows.some((r) => logins.includes(r.action))).toBe(false);
    const loginView = await listAudit(t.prisma, filters({ view: "logins", user: "admin" }));
    expect(loginView.rows.length).toBeGreaterThanOrEqual(logins.length);
    expect(loginView.rows.every((r) => logins.includes(r.action))).toBe(true);
  });

  it("shows a report approval as a Chinese before → after of only the changed fields, with names", async () => {
    const saved = await saveMonthlyReport(t.prisma, a.huitong, monthlyReportForm({ monthInvestment: "100", cumulativeInvestment: "150100" }));
    const report = await t.prisma.monthlyReport.findUniqueOrThrow({ where: { id: saved.reportId }, include: { project: true, currentRevision: true } });
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: report.id, version: report.version, decision: "approve", reason: "" });
    const { rows } = await listAudit(t.prisma, filters({ action: "report.approve" }));
    const row = rows[0];
    expect(row.actionLabel).toBe("审核通过月报");
    expect(row.subject).toBe(`月度调度 YQ2024-001 ${report.project.name} 2024年12月`);
    expect(row.actorLabel).toContain(a.admin.displayName);
    expect(row.diff).toEqual([
      { field: "status", label: "状态", before: "已提交", after: "已审核" },
      // the revision as the county numbers it (第N版), never its internal id
      { field: "approvedRevisionId", label: "审核通过的版本", before: "—", after: `第${report.currentRevision!.revisionNo}版` },
    ]);
    // the submission before it: money in 万元, the month as 2024年12月, nothing in English
    const submit = (await listAudit(t.prisma, filters({ action: "report.submit" }))).rows[0];
    const text = submit.diff.map((d) => `${d.label} ${d.before} ${d.after}`).join("\n");
    expect(submit.diff).toContainEqual({ field: "cumulativeInvestment", label: "累计完成投资（万元）", before: "—", after: "150,100万元" });
    expect(submit.diff).toContainEqual({ field: "month", label: "月份", before: "—", after: "2024年12月" });
    expect(text).not.toMatch(/SUBMITTED|Investment|null|undefined/);
    expect(submit.actorLabel).toContain(a.huitong.displayName);
  });

  it("filters by person, action, entity and date range, in SQL and paged", async () => {
    const everything = await listAudit(t.prisma, filters());
    expect(everything.total).toBeGreaterThan(30);
    expect(everything.rows).toHaveLength(30);
    expect(everything.pages).toBe(Math.ceil(everything.total / 30));
    const page2 = await listAudit(t.prisma, filters({ page: 2 }));
    expect(page2.rows[0].id).not.toBe(everything.rows[0].id);
    expect(BigInt(page2.rows[0].id)).toBeLessThan(BigInt(everything.rows.at(-1)!.id));

    const byCounty = await listAudit(t.prisma, filters({ user: "huitong" }));
    expect(byCounty.total).toBeGreaterThan(0);
    expect(byCounty.rows.every((r) => r.actor === "huitong")).toBe(true);
    const people = await auditPeople(t.prisma);
    expect(people).toContainEqual({ value: "huitong", label: `${a.huitong.displayName}（huitong）` });
    expect(people).toContainEqual({ value: "system", label: "系统" });

    const reports = await listAudit(t.prisma, filters({ entity: "MonthlyReport" }));
    expect(reports.total).toBe(await t.prisma.auditLog.count({ where: { entity: "MonthlyReport" } }));
    expect(reports.rows.every((r) => r.entityLabel === "月度调度")).toBe(true);

    // a date range in China time: an entry at 2024-03-01 00:30 (+08) is on 3月1日, not 2月29日
    await t.prisma.auditLog.create({
      data: {
        actor: "admin",
        userId: a.admin.id,
        action: "project.update",
        entity: "Project",
        entityId: "YQ2024-002",
        createdAt: new Date("2024-02-29T16:30:00Z"),
        before: { name: "甲" },
        after: { name: "乙" },
      },
    });
    const march1 = await listAudit(t.prisma, filters({ from: "2024-03-01", to: "2024-03-01" }));
    expect(march1.rows.map((r) => r.subject)).toEqual([expect.stringContaining("项目 YQ2024-002")]);
    expect((await listAudit(t.prisma, filters({ from: "2024-02-29", to: "2024-02-29" }))).total).toBe(0);
    expect((await listAudit(t.prisma, filters({ to: "2024-02-29" }))).total).toBe(0);
    expect((await listAudit(t.prisma, filters({ from: "2024-03-02", action: "project.update", entity: "Project" }))).rows.some((r) => r.subject.includes("YQ2024-002"))).toBe(
      false,
    );
  });

  it("reads the filters from the URL, ignoring what is malformed or unknown", () => {
    expect(parseAuditFilters({ view: "logins", action: "login.throttle", user: "admin", from: "2024-03-01", to: "2024-13-01", page: "3" })).toEqual({
      view: "logins",
      action: "login.throttle",
      user: "admin",
      entity: undefined,
      from: "2024-03-01",
      to: undefined,
      page: 3,
    });
    // a sign-in action is not a filter of the main view, nor an unknown entity or action
    expect(parseAuditFilters({ action: "login", entity: "Nope", page: "x" })).toEqual({
      view: "changes",
      page: 1,
      user: undefined,
      action: undefined,
      entity: undefined,
      from: undefined,
      to: undefined,
    });
    expect(parseAuditFilters({ user: "a\u0000b", entity: "Project" })).toMatchObject({ user: undefined, entity: "Project" });
    for (const e of Object.keys(AUDIT_ENTITY_LABEL)) expect(parseAuditFilters({ entity: e }).entity).toBe(e);
  });
});

describe("CSV export", () => {
  const get = (query = "") => exportCsv(new Request(`http://127.0.0.1/admin/audit/export${query}`));

  it("is for administrators and auditors only", async () => {
    h.token = undefined;
    expect((await get()).status).toBe(401);
    for (const who of [a.leader, a.huitong]) {
      h.token = await sessionToken(t.prisma, who);
      const res = await get();
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain("审核");
    }
  });

  it("gives the filtered list as UTF-8 with a byte-order mark, in Chinese, for Excel", async () => {
    h.token = await sessionToken(t.prisma, a.admin);
    const res = await get("?action=report.approve");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1).trim().split("\r\n");
    expect(lines[0]).toBe('"时间","操作","对象","操作人","IP","内容（修改前 → 修改后）"');
    const expected = await t.prisma.auditLog.count({ where: { action: "report.approve" } });
    expect(lines).toHaveLength(1 + expected);
    expect(lines[1]).toContain('"审核通过月报"');
    expect(lines[1]).toContain("状态：已提交 → 已审核");
    expect(lines[1]).not.toMatch(/APPROVED|MonthlyReport/);
  });

  it("is bounded: a longer list stops at the limit with a note", async () => {
    h.token = await sessionToken(t.prisma, a.admin);
    const rows = Array.from({ length: AUDIT_EXPORT_LIMIT + 5 }, (_, i) => ({ actor: "bulk", action: "seed", entity: "Dataset", entityId: `b${i}` }));
    for (let i = 0; i < rows.length; i += 2000) await t.prisma.auditLog.createMany({ data: rows.slice(i, i + 2000) });
    const res = await get("?user=bulk");
    expect(res.headers.get("x-audit-total")).toBe(String(AUDIT_EXPORT_LIMIT + 5));
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines).toHaveLength(1 + AUDIT_EXPORT_LIMIT + 1);
    expect(lines.at(-1)).toContain(`仅导出最新的${AUDIT_EXPORT_LIMIT}条`);
    // newest first, the oldest five left out
    expect(lines[1]).toContain(`数据导入 b${AUDIT_EXPORT_LIMIT + 4}`);
    expect(lines.some((l) => l.includes('"数据导入 b4"'))).toBe(false);
    // (the rows stay: nobody can delete audit entries younger than the retention, tests included)
  });
});

describe("the 审计员 reads what administrators did to accounts", () => {
  it("sees the administrator's account actions — create, role change, password reset, unlock — in their own view, and exports them", async () => {
    const made = await createUser(
      t.prisma,
      a.admin,
      createUserSchema.parse({ username: "zhaoliu", displayName: "赵六", role: "COUNTY", parkId: String(a.huitong.parkId), password: "abc12345abcd", reauthPassword: "demo2024" }),
    );
    await updateUser(
      t.prisma,
      a.admin,
      updateUserSchema.parse({ userId: String(made.id), stamp: made.updatedAt.toISOString(), displayName: "赵六", role: "ADMIN", parkId: "", reauthPassword: "demo2024" }),
    );
    await resetUserPassword(t.prisma, a.admin, resetPasswordSchema.parse({ userId: String(made.id), password: "xyz98765wxyz", reauthPassword: "demo2024" }));
    await unlockUsername(t.prisma, a.admin, "zhaoliu");

    const view = await listAudit(t.prisma, filters({ view: "accounts" }));
    expect(view.rows.every((r) => ACCOUNT_ACTIONS.includes(r.action))).toBe(true);
    const mine = view.rows.filter((r) => r.subject.includes("赵六") || r.subject.includes("zhaoliu"));
    expect(mine.map((r) => r.actionLabel)).toEqual(["解除登录限制", "重置密码", "修改用户", "新建用户"]);
    for (const r of mine) expect(r.actorLabel).toBe(`${a.admin.displayName}（admin）`);
    expect(mine[2].diff).toContainEqual({ field: "role", label: "角色", before: "县区填报员", after: "园区管理员" });
    // the filter for one kind of account action
    const f = parseAuditFilters({ view: "accounts", action: "user.update" });
    expect(f).toMatchObject({ view: "accounts", action: "user.update" });
    expect((await listAudit(t.prisma, f)).rows.every((r) => r.action === "user.update")).toBe(true);
    // a report approval is not an account action: not a filter of this view
    expect(parseAuditFilters({ view: "accounts", action: "report.approve" }).action).toBeUndefined();
    expect(ACCOUNT_ACTIONS).toEqual(
      expect.arrayContaining(["user.create", "user.update", "user.deactivate", "user.reactivate", "user.reset-password", "login.unlock", "audit.purge", "audit.retention"]),
    );
    expect(ACCOUNT_ACTIONS).not.toContain("login");

    // the auditor downloads it: CSV and xlsx
    h.token = await sessionToken(t.prisma, a.auditor);
    const res = await exportCsv(new Request("http://127.0.0.1/admin/audit/export?view=accounts&user=admin"));
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain("操作日志-账号与日志管理-");
    const csv = await res.text();
    for (const label of ["新建用户", "修改用户", "重置密码", "解除登录限制", "角色：县区填报员 → 园区管理员"]) expect(csv, label).toContain(label);
    const xlsx = await auditExport(t.prisma, a.auditor, { view: "accounts" });
    expect(xlsx.ok).toBe(true);
    if (!xlsx.ok) return;
    const sheet = (await loadWorkbook(await xlsxBuffer(xlsx.build))).worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain("账号与日志管理");
    expect(cells.some((c) => c.includes("赵六"))).toBe(true);
  });
});

describe("a save that changed nothing writes nothing and leaves no entry", () => {
  /** Runs a save twice with the same input (the second from the saved state): the second is refused as unchanged. */
  async function unchanged(label: string, run: () => Promise<unknown>, stateOf: () => Promise<unknown>) {
    const entries = await auditCount();
    const state = await stateOf();
    await expect(run(), label).rejects.toThrow(NO_CHANGE_MESSAGE);
    expect(await auditCount(), label).toBe(entries);
    expect(await stateOf(), label).toEqual(state);
  }
  const project = (code: string) => t.prisma.project.findUniqueOrThrow({ where: { code }, include: { metrics: true, milestones: true, plannedMonths: true } });

  it("project facts", async () => {
    const p = await project("YQ2024-003");
    const form = (version: number) => projectSchema.parse(projectFields(p, { totalInvestment: "310000.50", version: String(version) }));
    const saved = await updateProject(t.prisma, a.admin, form(p.version));
    await unchanged(
      "project",
      () => updateProject(t.prisma, a.admin, form(saved.version)),
      () => project("YQ2024-003"),
    );
    // the same through the action: the form is told, and nothing is written
    h.token = await sessionToken(t.prisma, a.admin);
    const entries = await auditCount();
    const values = projectFields(p, { totalInvestment: "310,000.5", version: String(saved.version) });
    const result = await updateProjectAction(initialActionState, formData(values));
    expect(result.message).toBe(NO_CHANGE_MESSAGE);
    expect(result.ok).toBe(false);
    expect(await auditCount()).toBe(entries);
    // a real change still lands and is audited
    const changed = await updateProjectAction(initialActionState, formData({ ...values, totalInvestment: "310001" }));
    expect(changed.ok, changed.message).toBe(true);
    expect(await auditCount()).toBe(entries + 1);
  });

  it("倒排工期 and node milestones", async () => {
    const p = await project("YQ2024-002");
    const months = (version: number) => plannedInvestmentSchema.parse({ code: p.code, version: String(version), year: "2026", "m_2026-01": "1000", "m_2026-02": "2000.5" });
    await savePlannedInvestment(t.prisma, a.admin, months(p.version));
    const v1 = (await project(p.code)).version;
    await unchanged(
      "planned",
      () =>
        savePlannedInvestment(
          t.prisma,
          a.admin,
          plannedInvestmentSchema.parse({ code: p.code, version: String(v1), year: "2026", "m_2026-01": "1,000.00", "m_2026-02": "2000.50" }),
        ),
      () => project(p.code),
    );
    const ms = (version: number) =>
      milestonesSchema.parse({ code: p.code, version: String(version), planned_START: "2026-03-01", actual_START: "", planned_PRODUCTION: "2026-12-31" });
    await saveMilestones(t.prisma, a.admin, ms(v1));
    const v2 = (await project(p.code)).version;
    await unchanged(
      "milestones",
      () => saveMilestones(t.prisma, a.admin, ms(v2)),
      () => project(p.code),
    );
  });

  it("the annual plan and its list", async () => {
    const plan = () => t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 }, include: { entries: true } });
    const p = await plan();
    const form = (stamp: Date) => planSchema.parse(storedPlanFields(p, { stamp: stamp.toISOString() }));
    await unchanged("plan", () => savePlan(t.prisma, a.admin, form(p.updatedAt)), plan);
    const codes = (await t.prisma.annualPlanEntry.findMany({ where: { planId: p.id }, include: { project: true } })).map(
      (e) => [e.project.code, e.annualPlannedInvestment?.toString() ?? ""] as const,
    );
    const list: Record<string, string> = { year: "2024", stamp: p.updatedAt.toISOString() };
    for (const [code, annual] of codes) Object.assign(list, { [`on_${code}`]: "on", [`annual_${code}`]: annual ? `${annual}.00` : "" });
    await unchanged("plan list", () => setPlanEntries(t.prisma, a.admin, planEntriesSchema.parse(list)), plan);
  });

  it("user accounts", async () => {
    const user = () => t.prisma.user.findUniqueOrThrow({ where: { id: a.dongkou.id } });
    const u = await user();
    await unchanged(
      "user",
      () =>
        updateUser(
          t.prisma,
          a.admin,
          updateUserSchema.parse({ userId: String(u.id), stamp: u.updatedAt.toISOString(), displayName: u.displayName, role: u.role, parkId: String(u.parkId) }),
        ),
      user,
    );
    await unchanged(
      "user active",
      () => setUserActive(t.prisma, a.admin, setUserActiveSchema.parse({ userId: String(u.id), stamp: u.updatedAt.toISOString(), active: "true" })),
      user,
    );
  });

  it("issue assignment", async () => {
    const issue = await createIssue(
      t.prisma,
      a.admin,
      createIssueSchema.parse({ projectCode: "YQ2024-001", category: "FACTOR", subCategory: "TALENT", title: "用工短缺（审计测试）", description: "技术工人不足" }),
    );
    const form = (version: number) =>
      assignIssueSchema.parse({ issueId: String(issue.id), version: String(version), responsibleUnit: "市人社局", responsibleLeader: "张副市长", dueDate: "2099-01-31" });
    const assigned = await assignIssue(t.prisma, a.admin, form(issue.version));
    const state = async () => [await t.prisma.issue.findUniqueOrThrow({ where: { id: issue.id } }), await t.prisma.issueUpdate.count({ where: { issueId: issue.id } })];
    await unchanged("issue", () => assignIssue(t.prisma, a.admin, form(assigned.version)), state);
  });

  it("a period's deadline and a draft saved again as it is", async () => {
    await openPeriod(t.prisma, a.admin, openPeriodSchema.parse({ month: "2025-05", deadline: "2025-06-12" }));
    const period = () => t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2025-05" } });
    await unchanged("deadline", () => openPeriod(t.prisma, a.admin, openPeriodSchema.parse({ month: "2025-05", deadline: "2025-06-12" })), period);

    const draft = (version: number) =>
      monthlyReportForm({ projectCode: "YQ2024-004", monthInvestment: "50", cumulativeInvestment: "100", explanation: "更正", version: String(version), intent: "save" });
    const saved = await saveMonthlyReport(t.prisma, a.admin, draft(0));
    const report = () => t.prisma.monthlyReport.findUniqueOrThrow({ where: { id: saved.reportId }, include: { revisions: true } });
    await unchanged("draft", async () => saveMonthlyReport(t.prisma, a.admin, draft((await report()).version)), report);
    // submitting the same figures is a real step (草稿 → 已提交)
    const r = await report();
    await expect(saveMonthlyReport(t.prisma, a.admin, { ...draft(r.version), intent: "submit" })).resolves.toMatchObject({ status: "SUBMITTED" });
  });
});
