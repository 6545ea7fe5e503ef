// The authorization matrix: every write service × every role, and the server actions called
// directly as a hand-made request would call them. A refused call throws AuthError (or, through
// an action, returns the refusal message) and changes nothing at all.
import { describe, expect, it } from "vitest";
// first, before the app: the request and database the app's code sees
import { request as h } from "../helpers/next-request";

import type { Actor } from "@/server/auth/actor";
import { AuthError, MUST_CHANGE_PASSWORD_MESSAGE } from "@/server/auth/permissions";
import { changePasswordAction, endOtherSessionsAction, endSessionAction } from "@/server/account/actions";
import { SESSION_COOKIE } from "@/server/auth/sessions";
import { reviewMonthlyReport, saveMonthlyReport, withdrawMonthlyReport } from "@/server/monthly-reports/service";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/server/users/service";
import { acknowledgeIssue, addIssueProgress, assignIssue, closeIssue, createIssue, feedbackIssue, reviewIssue } from "@/server/issues/service";
import { createProject, saveMilestones, savePlannedInvestment, updateProject } from "@/server/projects/service";
import { createPlan, savePlan, setPlanEntries } from "@/server/plans/service";
import { saveFundingPlan } from "@/server/funding/service";
import { fundingPlanSchema } from "@/lib/schemas/funding";
import { monthlyReportSchema, withdrawSchema } from "@/lib/schemas/monthly-report";
import { declineCorrection, openPeriod, publishPeriod, reopenPeriod, requestCorrection } from "@/server/periods/service";
import { declineCorrectionSchema, openPeriodSchema, publishPeriodSchema, reopenPeriodSchema, requestCorrectionSchema } from "@/lib/schemas/period";
import { acknowledgeIssueSchema, assignIssueSchema, closeIssueSchema, createIssueSchema, feedbackIssueSchema, issueProgressSchema, reviewIssueSchema } from "@/lib/schemas/issue";
import { milestonesSchema, planEntriesSchema, planSchema, plannedInvestmentSchema, projectSchema } from "@/lib/schemas/project";
import { bootstrapUserSchema, createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { saveReportAction, reviewReportAction, withdrawReportAction } from "@/server/monthly-reports/actions";
import {
  acknowledgeIssueAction,
  assignIssueAction,
  closeIssueAction,
  createIssueAction,
  feedbackIssueAction,
  issueProgressAction,
  reviewIssueAction,
} from "@/server/issues/actions";
import { createProjectAction, milestonesAction, updateProjectAction } from "@/server/projects/actions";
import { recordNodeAction, statsFigureAction } from "@/server/nodes/actions";
import { recordNode, saveStatsFigure } from "@/server/nodes/service";
import { nodeRecordSchema, statsFigureSchema } from "@/lib/schemas/nodes";
import { createUserAction, setUserActiveAction } from "@/server/users/actions";
import { reviewBenefitReport, saveBenefitReport } from "@/server/benefits/service";
import { benefitReportSchema } from "@/lib/schemas/benefits";
import { reviewBenefitAction, saveBenefitAction } from "@/server/benefits/actions";
import { benefitFields, producingProject, PRODUCING_CODE } from "../helpers/benefits";
import { initialActionState } from "@/server/action-state";
import { deleteReportSection, saveReportSection } from "@/server/documents/service";
import { deleteReportSectionSchema, reportSectionSchema } from "@/lib/schemas/report-text";
import { deleteReportSectionAction, saveReportSectionAction } from "@/server/documents/actions";
import { NotFoundError } from "@/server/errors";
import { applyImport, previewImport } from "@/server/excel/import-service";
import { applyImportAction, uploadImportAction } from "@/server/excel/actions";
import { auditExport, issueExport, projectListExport, scheduleExport, templateExport } from "@/server/excel/exports";
import { xlsxBuffer } from "@/server/excel/workbook";
import { colOf, loadWorkbook, rowOf, saveWorkbook } from "../helpers/xlsx";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { planFields, projectFields } from "../helpers/admin-forms";
import { sessionToken, type Actors } from "../helpers/actors";
import { fingerprint, formData } from "../helpers/fingerprint";
import { issueAt } from "../helpers/issues";
import { monthlyReportFields, monthlyReportForm } from "../helpers/monthly-report";
import { leftBehindConfirmation } from "../helpers/publication";

type Role = "anonymous" | "leader" | "ownCounty" | "otherCounty" | "admin" | "auditor";
/** the demo accounts' password, which the administrator types again on the sensitive forms */
const PASSWORD = "demo2024";
/** every write below is refused for the 审计员, who reads the audit log and nothing else */
const ROLES: Role[] = ["anonymous", "leader", "ownCounty", "otherCounty", "admin", "auditor"];

let t: TestDatabase;
let a: Actors;
let n = 0;
let planYears = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;

const actorOf = (role: Role): Actor | null => ({ anonymous: null, leader: a.leader, ownCounty: a.huitong, otherCounty: a.dongkou, admin: a.admin, auditor: a.auditor })[role];

const projectVersion = async (code: string) => String((await t.prisma.project.findUniqueOrThrow({ where: { code } })).version);

/** An issue about 会同 (YQ2024-001), raised by the admin, for the issue-update cases. */
async function freshIssue() {
  const issue = await createIssue(
    t.prisma,
    a.admin,
    createIssueSchema.parse({ projectCode: "YQ2024-001", category: "FACTOR", subCategory: "TALENT", title: `缺少技术工人${unique()}`, description: "高技能人才短缺" }),
  );
  return { issueId: String(issue.id), version: String(issue.version) };
}

/** A throwaway county account, for the account-changing cases. */
async function freshUser() {
  const u = await createUser(
    t.prisma,
    null,
    bootstrapUserSchema.parse({ username: `tmp${unique()}`, displayName: "临时", role: "COUNTY", parkId: String(a.huitong.parkId), password: "abc12345abcd" }),
    { bootstrap: true },
  );
  return { userId: String(u.id), stamp: u.updatedAt.toISOString() };
}

/** November's period, published (again, when a re-opening case left it open), for the 申请更正 cases. */
async function publishedNovember() {
  let period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });
  if (period.status === "OPEN") {
    await publishPeriod(t.prisma, a.admin, { month: "2024-11", version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-11") });
    period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });
  }
  return period;
}

/** 会同's October, submitted (again) and awaiting review, for the withdraw cases. */
async function submittedOctober() {
  let r = await t.prisma.monthlyReport.findFirst({ where: { project: { code: "YQ2024-001" }, month: "2024-10" } });
  if (r?.status !== "SUBMITTED") {
    await saveMonthlyReport(
      t.prisma,
      a.admin,
      monthlyReportForm({ month: "2024-10", monthInvestment: "100", cumulativeInvestment: "120000", progressText: `待审核${unique()}`, version: String(r?.version ?? 0) }),
    );
    r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, month: "2024-10" } });
  }
  return { reportId: String(r.id), version: String(r.version) };
}

/** 会同's project in production: a save of its 2025 benefits (from the current version), or a submitted one for review. */
async function benefitSave() {
  await producingProject(t.prisma, a.huitong.parkId!);
  const r = await t.prisma.benefitReport.findFirst({ where: { project: { code: PRODUCING_CODE }, year: 2025, quarter: 0 } });
  return benefitFields({ version: String(r?.version ?? 0), output: `${300000 + (n++ % 1000)}` });
}
async function submittedBenefits() {
  await producingProject(t.prisma, a.huitong.parkId!);
  let r = await t.prisma.benefitReport.findFirst({ where: { project: { code: PRODUCING_CODE }, year: 2026, quarter: 0 } });
  if (r?.status !== "SUBMITTED") {
    await saveBenefitReport(
      t.prisma,
      a.admin,
      benefitReportSchema.parse(benefitFields({ year: "2026", intent: "submit", version: String(r?.version ?? 0), output: `${400000 + (n++ % 1000)}` })),
    );
    r = await t.prisma.benefitReport.findFirstOrThrow({ where: { project: { code: PRODUCING_CODE }, year: 2026, quarter: 0 } });
  }
  return { reportId: String(r.id), version: String(r.version), decision: "return", reason: `请补充完税证明${unique()}`, note: "" };
}

const projectForm = (over: Record<string, string> = {}) => ({
  name: "测试项目",
  parkId: String(a.huitong.parkId),
  totalInvestment: "1000",
  status: "NOT_STARTED",
  version: "0",
  ...over,
});

type Case = {
  name: string;
  allowed: Role[];
  /** builds a fresh, valid input (reading current versions), before the snapshot */
  prepare: () => Promise<Record<string, string>>;
  run: (actor: Actor | null, values: Record<string, string>) => Promise<unknown>;
};

const county = ["ownCounty", "admin"] as Role[];
const adminOnly = ["admin"] as Role[];
/** the 督办 steps of the responsible unit: only the county park's own account */
const unitOnly = ["ownCounty"] as Role[];

const cases: Case[] = [
  {
    name: "saveMonthlyReport",
    allowed: county,
    prepare: async () => {
      const r = await t.prisma.monthlyReport.findFirst({ where: { project: { code: "YQ2024-001" }, month: "2024-12" } });
      return monthlyReportFields({ progressText: `设备进场${unique()}`, version: String(r?.version ?? 0), intent: "save" });
    },
    run: (actor, v) => saveMonthlyReport(t.prisma, actor, monthlyReportSchema.parse(v)),
  },
  {
    name: "reviewMonthlyReport",
    allowed: adminOnly,
    prepare: async () => {
      let r = await t.prisma.monthlyReport.findFirst({ where: { project: { code: "YQ2024-002" }, month: "2024-12" } });
      if (r?.status !== "SUBMITTED") {
        await saveMonthlyReport(
          t.prisma,
          a.admin,
          monthlyReportForm({ projectCode: "YQ2024-002", monthInvestment: "10", cumulativeInvestment: "170010", progressText: "待审核", version: String(r?.version ?? 0) }),
        );
        r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-002" }, month: "2024-12" } });
      }
      return { reportId: String(r.id), version: String(r.version), decision: "return", reason: "请补充说明" };
    },
    run: (actor, v) => reviewMonthlyReport(t.prisma, actor, { reportId: Number(v.reportId), version: Number(v.version), decision: "return", reason: v.reason }),
  },
  {
    name: "createUser",
    allowed: adminOnly,
    prepare: async () => ({ username: `new${unique()}`, displayName: "新用户", role: "LEADER", password: "abc12345abcd", reauthPassword: PASSWORD }),
    run: (actor, v) => createUser(t.prisma, actor, createUserSchema.parse(v)),
  },
  {
    name: "updateUser",
    allowed: adminOnly,
    prepare: async () => ({ ...(await freshUser()), displayName: "改名", role: "COUNTY", parkId: String(a.dongkou.parkId), reauthPassword: PASSWORD }),
    run: (actor, v) => updateUser(t.prisma, actor, updateUserSchema.parse(v)),
  },
  {
    name: "setUserActive (deactivate)",
    allowed: adminOnly,
    prepare: async () => ({ ...(await freshUser()), active: "false" }),
    run: (actor, v) => setUserActive(t.prisma, actor, setUserActiveSchema.parse(v)),
  },
  {
    name: "resetUserPassword",
    allowed: adminOnly,
    prepare: async () => ({ userId: (await freshUser()).userId, password: "newpass123abc", reauthPassword: PASSWORD }),
    run: (actor, v) => resetUserPassword(t.prisma, actor, resetPasswordSchema.parse(v)),
  },
  {
    name: "createIssue (project)",
    allowed: county,
    prepare: async () => ({ projectCode: "YQ2024-001", category: "FUNDING", subCategory: "MATERIAL_PRICE", title: `铝锭涨价${unique()}`, description: "原材料价格上涨" }),
    run: (actor, v) => createIssue(t.prisma, actor, createIssueSchema.parse(v)),
  },
  {
    name: "createIssue (park)",
    allowed: county,
    prepare: async () => ({
      projectCode: "",
      parkId: String(a.huitong.parkId),
      category: "FACTOR",
      subCategory: "WATER_POWER",
      title: `园区供电不足${unique()}`,
      description: "缺少增量配电网架",
    }),
    run: (actor, v) => createIssue(t.prisma, actor, createIssueSchema.parse(v)),
  },
  {
    name: "assignIssue (交办)",
    allowed: adminOnly,
    prepare: async () => ({ ...(await freshIssue()), responsibleUnit: "市人社局", responsibleLeader: "张副市长", dueDate: "2099-01-31" }),
    run: (actor, v) => assignIssue(t.prisma, actor, assignIssueSchema.parse(v)),
  },
  {
    name: "addIssueProgress (办理)",
    allowed: unitOnly,
    prepare: async () => ({ ...(await issueAt(t.prisma, a, "IN_PROGRESS")), text: "已对接职业院校" }),
    run: (actor, v) => addIssueProgress(t.prisma, actor, issueProgressSchema.parse(v)),
  },
  {
    name: "closeIssue (直接办结)",
    allowed: adminOnly,
    prepare: async () => ({ ...(await freshIssue()), resolution: "已招聘到位" }),
    run: (actor, v) => closeIssue(t.prisma, actor, closeIssueSchema.parse(v)),
  },
  {
    name: "createProject",
    allowed: adminOnly,
    prepare: async () => projectForm({ code: `T${unique()}` }),
    run: (actor, v) => createProject(t.prisma, actor, projectSchema.parse(v)),
  },
  {
    name: "updateProject",
    allowed: adminOnly,
    prepare: async () => {
      const p = await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-003" } });
      return projectForm(projectFields(p, { totalInvestment: String(300001 + n++) }));
    },
    run: (actor, v) => updateProject(t.prisma, actor, projectSchema.parse(v)),
  },
  {
    name: "savePlan",
    allowed: adminOnly,
    prepare: async () => {
      const p = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
      return {
        year: "2024",
        stamp: p.updatedAt.toISOString(),
        title: p.title,
        declaredProjectCount: String(p.declaredProjectCount),
        declaredTotalInvestment: "1336000",
        declaredAnnualInvestment: "336000",
        startDeadline: "2024-04-30",
        startTargetLabel: p.startTargetLabel,
        productionDeadline: "2024-06-30",
        productionTargetLabel: p.productionTargetLabel,
        targetText: `${p.targetText.replace(/（.*$/, "")}（${unique()}）`,
      };
    },
    run: (actor, v) => savePlan(t.prisma, actor, planSchema.parse(v)),
  },
  {
    name: "createPlan",
    allowed: adminOnly,
    prepare: async () => planFields(2040 + planYears++),
    run: (actor, v) => createPlan(t.prisma, actor, planSchema.parse(v)),
  },
  {
    name: "setPlanEntries",
    allowed: adminOnly,
    prepare: async () => {
      const p = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
      return {
        year: "2024",
        stamp: p.updatedAt.toISOString(),
        "on_YQ2024-001": "on",
        "on_YQ2024-002": "on",
        "on_YQ2024-003": "on",
        "on_YQ2024-004": "on",
        "annual_YQ2024-001": String(50000 + n++),
      };
    },
    run: (actor, v) => setPlanEntries(t.prisma, actor, planEntriesSchema.parse(v)),
  },
  {
    name: "savePlannedInvestment",
    allowed: adminOnly,
    prepare: async () => ({ code: "YQ2024-001", version: await projectVersion("YQ2024-001"), year: "2025", "m_2025-01": "160000", "m_2025-02": String(170000 + n++) }),
    run: (actor, v) => savePlannedInvestment(t.prisma, actor, plannedInvestmentSchema.parse(v)),
  },
  {
    name: "saveFundingPlan",
    allowed: adminOnly,
    prepare: async () => ({ code: "YQ2024-001", version: await projectVersion("YQ2024-001"), plan_FISCAL: "50000", plan_BANK_LOAN: String(100000 + n++) }),
    run: (actor, v) => saveFundingPlan(t.prisma, actor, fundingPlanSchema.parse(v)),
  },
  {
    name: "saveMonthlyReport with money in place by source",
    allowed: county,
    prepare: async () => {
      const r = await t.prisma.monthlyReport.findFirst({ where: { project: { code: "YQ2024-001" }, month: "2024-12" } });
      return monthlyReportFields({ intent: "save", fundsFiscal: String(1000 + n++), fundsBank: "20000", version: String(r?.version ?? 0) });
    },
    run: (actor, v) => saveMonthlyReport(t.prisma, actor, monthlyReportSchema.parse(v)),
  },
  {
    name: "publishPeriod",
    allowed: adminOnly,
    prepare: async () => {
      // the first month of 2024 not yet published (nobody reported it: everything carried forward)
      const published = new Set((await t.prisma.reportingPeriod.findMany({ where: { status: "PUBLISHED" } })).map((p) => p.month));
      const month = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"].find((m) => !published.has(m))!;
      const period = await t.prisma.reportingPeriod.findUnique({ where: { month } });
      return { month, version: String(period?.version ?? 1), leftBehind: await leftBehindConfirmation(t.prisma, month) };
    },
    run: (actor, v) => publishPeriod(t.prisma, actor, publishPeriodSchema.parse(v)),
  },
  {
    name: "reopenPeriod",
    allowed: adminOnly,
    prepare: async () => {
      let period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });
      if (period.status === "OPEN") {
        await publishPeriod(t.prisma, a.admin, { month: "2024-11", version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-11") });
        period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });
      }
      return { month: "2024-11", version: String(period.version), reason: `更正数据${unique()}`, reauthPassword: PASSWORD };
    },
    run: (actor, v) => reopenPeriod(t.prisma, actor, reopenPeriodSchema.parse(v)).then(() => true),
  },
  {
    name: "requestCorrection",
    allowed: ["ownCounty"],
    prepare: async () => {
      // 会同's November, published, with no request pending (an earlier case's is answered)
      await publishedNovember();
      await t.prisma.correctionRequest.updateMany({ where: { status: "PENDING" }, data: { status: "DECLINED", reply: "已答复", decidedAt: new Date() } });
      return { month: "2024-11", projectCode: "YQ2024-001", reason: `补报投资数据${unique()}` };
    },
    run: (actor, v) => requestCorrection(t.prisma, actor, requestCorrectionSchema.parse(v)),
  },
  {
    name: "declineCorrection",
    allowed: adminOnly,
    prepare: async () => {
      const period = await publishedNovember();
      const project = await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-001" } });
      await t.prisma.correctionRequest.updateMany({ where: { status: "PENDING" }, data: { status: "DECLINED", reply: "已答复", decidedAt: new Date() } });
      const c = await t.prisma.correctionRequest.create({ data: { periodId: period.id, projectId: project.id, requestedById: a.huitong.id, reason: `补报投资数据${unique()}` } });
      return { requestId: String(c.id), version: String(c.version), reply: "数据无误，不予更正" };
    },
    run: (actor, v) => declineCorrection(t.prisma, actor, declineCorrectionSchema.parse(v)),
  },
  {
    name: "openPeriod",
    allowed: adminOnly,
    prepare: async () => ({ month: "2025-03", deadline: `2025-04-${String(1 + (n++ % 28)).padStart(2, "0")}` }),
    run: (actor, v) => openPeriod(t.prisma, actor, openPeriodSchema.parse(v)).then(() => true),
  },
  {
    name: "saveMilestones",
    allowed: adminOnly,
    prepare: async () => ({
      code: "YQ2024-001",
      version: await projectVersion("YQ2024-001"),
      planned_START: "2024-04-30",
      actual_START: "2024-09-01",
      planned_PRODUCTION: `2025-06-${String(10 + (n++ % 18))}`,
    }),
    run: (actor, v) => saveMilestones(t.prisma, actor, milestonesSchema.parse(v)),
  },
  {
    // kept last: the action cases below refer to earlier cases by index
    name: "withdrawMonthlyReport (会同's submitted October)",
    allowed: ["ownCounty"],
    prepare: submittedOctober,
    run: (actor, v) => withdrawMonthlyReport(t.prisma, actor, withdrawSchema.parse(v)),
  },
  {
    // a county records its own park's node (会同's project); the office may too
    name: "recordNode",
    allowed: county,
    prepare: async () => {
      const node = await t.prisma.milestone.findFirst({ where: { project: { code: "YQ2024-001" }, kind: "STATS_ENTRY" } });
      return {
        code: "YQ2024-001",
        kind: "STATS_ENTRY",
        stamp: node?.updatedAt.toISOString() ?? "",
        actualDate: `2024-10-${String(1 + (n++ % 28)).padStart(2, "0")}`,
        evidence: `统计联网直报平台截图${unique()}`,
      };
    },
    run: (actor, v) => recordNode(t.prisma, actor, nodeRecordSchema.parse(v)),
  },
  {
    name: "saveBenefitReport (效益填报)",
    allowed: county,
    prepare: benefitSave,
    run: (actor, v) => saveBenefitReport(t.prisma, actor, benefitReportSchema.parse(v)),
  },
  {
    name: "reviewBenefitReport (退回效益填报)",
    allowed: adminOnly,
    prepare: submittedBenefits,
    run: (actor, v) => reviewBenefitReport(t.prisma, actor, { reportId: Number(v.reportId), version: Number(v.version), decision: "return", reason: v.reason }),
  },
  {
    name: "saveStatsFigure",
    allowed: county,
    prepare: async () => ({ code: "YQ2024-001", month: "2024-11", cumulativeInvestment: `${140000 + (n++ % 1000)}` }),
    run: (actor, v) => saveStatsFigure(t.prisma, actor, statsFigureSchema.parse(v)),
  },
  // the 督办 loop's later steps (found by name below)
  {
    name: "acknowledgeIssue (签收) of a county park's issue",
    allowed: unitOnly,
    prepare: async () => ({ ...(await issueAt(t.prisma, a, "ASSIGNED")), note: "已安排专人" }),
    run: (actor, v) => acknowledgeIssue(t.prisma, actor, acknowledgeIssueSchema.parse(v)),
  },
  {
    name: "acknowledgeIssue (签收) of the whole park's own issue",
    allowed: adminOnly,
    prepare: async () => ({ ...(await issueAt(t.prisma, a, "ASSIGNED", { projectCode: null })) }),
    run: (actor, v) => acknowledgeIssue(t.prisma, actor, acknowledgeIssueSchema.parse(v)),
  },
  {
    name: "feedbackIssue (反馈)",
    allowed: unitOnly,
    prepare: async () => ({ ...(await issueAt(t.prisma, a, "IN_PROGRESS")), feedback: "用地已交付" }),
    run: (actor, v) => feedbackIssue(t.prisma, actor, feedbackIssueSchema.parse(v)),
  },
  {
    name: "reviewIssue (复核通过)",
    allowed: adminOnly,
    prepare: async () => ({ ...(await issueAt(t.prisma, a, "FEEDBACK")), decision: "accept", comment: "" }),
    run: (actor, v) => reviewIssue(t.prisma, actor, reviewIssueSchema.parse(v)),
  },
  {
    name: "reviewIssue (退回重办)",
    allowed: adminOnly,
    prepare: async () => ({ ...(await issueAt(t.prisma, a, "FEEDBACK")), decision: "return", comment: "未附交付证明" }),
    run: (actor, v) => reviewIssue(t.prisma, actor, reviewIssueSchema.parse(v)),
  },
  {
    name: "feedbackIssue (反馈) of the whole park's own issue",
    allowed: adminOnly,
    prepare: async () => ({ ...(await issueAt(t.prisma, a, "IN_PROGRESS", { projectCode: null })), feedback: "已协调完成" }),
    run: (actor, v) => feedbackIssue(t.prisma, actor, feedbackIssueSchema.parse(v)),
  },
  {
    name: "saveReportSection (edit 三、下一步 text)",
    allowed: adminOnly,
    prepare: async () => {
      const s = await t.prisma.reportSection.findFirstOrThrow({ where: { key: "next-steps" }, orderBy: { sortOrder: "asc" } });
      return { year: "2024", id: String(s.id), key: "next-steps", version: String(s.version), title: s.title, body: `${s.body}（修订${unique()}）` };
    },
    run: (actor, v) => saveReportSection(t.prisma, actor, reportSectionSchema.parse(v)),
  },
  {
    name: "saveReportSection (add a paragraph)",
    allowed: adminOnly,
    prepare: async () => ({ year: "2024", key: "plan-work", title: "新增措施", body: `做好项目储备${unique()}` }),
    run: (actor, v) => saveReportSection(t.prisma, actor, reportSectionSchema.parse(v)),
  },
  {
    name: "deleteReportSection",
    allowed: adminOnly,
    prepare: async () => {
      const s = await saveReportSection(t.prisma, a.admin, reportSectionSchema.parse({ year: "2024", key: "next-steps", title: "待删除", body: `临时段落${unique()}` }));
      return { year: "2024", id: String(s.id), version: String(s.version) };
    },
    run: (actor, v) => deleteReportSection(t.prisma, actor, deleteReportSectionSchema.parse(v)).then(() => true),
  },
];

const caseNamed = (name: string) => cases.find((c) => c.name === name)!.prepare;

useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);

describe("authorization matrix: every write service × every role", () => {
  for (const c of cases) {
    for (const role of ROLES) {
      const allowed = c.allowed.includes(role);
      it(`${c.name} as ${role}: ${allowed ? "allowed" : "refused, nothing changed"}`, async () => {
        const values = await c.prepare();
        const before = await fingerprint(t.prisma);
        const auditBefore = await t.prisma.auditLog.count();
        if (allowed) {
          await expect(c.run(actorOf(role), values)).resolves.toBeDefined();
          // an allowed write is audited under the actor's name
          const last = await t.prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
          expect(await t.prisma.auditLog.count()).toBeGreaterThan(auditBefore);
          expect(last.actor).toBe(actorOf(role)!.username);
          expect(await fingerprint(t.prisma)).not.toBe(before);
        } else {
          const error = await c.run(actorOf(role), values).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(AuthError);
          expect((error as AuthError).kind).toBe(role === "anonymous" ? "unauthenticated" : "forbidden");
          expect(await fingerprint(t.prisma)).toBe(before);
        }
      });
    }
  }

  it("an account that must still change the password an administrator set is refused by every write service, nothing changed", async () => {
    for (const c of cases) {
      const role = c.allowed[0];
      const values = await c.prepare();
      const before = await fingerprint(t.prisma);
      const error = await c.run({ ...actorOf(role)!, mustChangePassword: true }, values).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, c.name).toBeInstanceOf(AuthError);
      expect((error as AuthError).message, c.name).toBe(MUST_CHANGE_PASSWORD_MESSAGE);
      expect(await fingerprint(t.prisma), c.name).toBe(before);
    }
  });

  it("no password or password hash ever reaches the audit log", async () => {
    const logs = await t.prisma.auditLog.findMany({ where: { entity: "User" } });
    expect(logs.length).toBeGreaterThan(3);
    for (const l of logs) {
      const text = JSON.stringify([l.before, l.after]);
      expect(text).not.toMatch(/passwordHash|scrypt\$|abc12345|newpass123|demo2024|reauth/);
    }
  });

  it("deactivating a user ends their sessions, and their token no longer identifies them", async () => {
    const { userId, stamp } = await freshUser();
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: Number(userId) } });
    const token = await sessionToken(t.prisma, { id: user.id, username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId });
    await setUserActive(t.prisma, a.admin, setUserActiveSchema.parse({ userId, stamp, active: "false" }));
    expect(await t.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const { actorForToken } = await import("@/server/auth/sessions");
    expect(await actorForToken(t.prisma, token)).toBeNull();
  });
});

describe("server actions called directly, as a hand-made request would", () => {
  const as = async (role: Role) => {
    h.token = role === "anonymous" ? undefined : await sessionToken(t.prisma, actorOf(role)!);
  };
  const FORBIDDEN_REPORT = "无权填报该项目：只能填报本县区园区的项目。";
  const FORBIDDEN_ISSUE = "无权修改该问题：只能处理本县区园区的问题。";
  const ADMIN_ONLY_ASSIGN = "只有园区管理员可以交办或直接办结问题。";
  const UNIT_ONLY = "无权办理该问题：只有责任县区园区的账号可以签收、办理和反馈（全园区的问题由园区办公室办理）。";
  const ADMIN_ONLY_VERIFY = "只有园区管理员可以复核问题。";
  const ADMIN_ONLY_PROJECT = "只有园区管理员可以管理项目和计划。";
  const FORBIDDEN_NODE = "无权登记该节点：只能登记本县区园区项目的节点和入库情况。";
  const ADMIN_ONLY_USER = "只有园区管理员可以管理用户。";

  it("uses the app's session cookie", () => {
    expect(SESSION_COOKIE).toBe("ppt_session");
  });

  type ActionCase = {
    name: string;
    action: (prev: typeof initialActionState, fd: FormData) => Promise<{ ok: boolean; message?: string }>;
    values: () => Promise<Record<string, string>>;
    refused: Array<[Role, string]>;
    allowedAs: Role;
  };
  const signIn = "请先登录。";
  const actionCases: ActionCase[] = [
    {
      name: "saveReportAction: 洞口 posts 会同's project code",
      action: saveReportAction,
      values: cases[0].prepare,
      refused: [
        ["otherCounty", FORBIDDEN_REPORT],
        ["leader", FORBIDDEN_REPORT],
        ["auditor", FORBIDDEN_REPORT],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "withdrawReportAction: 洞口 withdraws 会同's submitted report",
      action: withdrawReportAction,
      values: submittedOctober,
      refused: [
        ["otherCounty", "无权撤回该报表：只能撤回本县区园区提交的报表。"],
        ["admin", "无权撤回该报表：只能撤回本县区园区提交的报表。"],
        ["leader", "无权撤回该报表：只能撤回本县区园区提交的报表。"],
        ["auditor", "无权撤回该报表：只能撤回本县区园区提交的报表。"],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "reviewReportAction",
      action: reviewReportAction,
      values: cases[1].prepare,
      refused: [
        ["ownCounty", "只有园区管理员可以审核月度调度。"],
        ["leader", "只有园区管理员可以审核月度调度。"],
        ["auditor", "只有园区管理员可以审核月度调度。"],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "createIssueAction: 洞口 raises an issue on 会同's project",
      action: createIssueAction,
      values: cases[6].prepare,
      refused: [
        ["otherCounty", FORBIDDEN_ISSUE],
        ["leader", FORBIDDEN_ISSUE],
        ["auditor", FORBIDDEN_ISSUE],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "createIssueAction: 洞口 raises a park-wide issue for 会同's park",
      action: createIssueAction,
      values: cases[7].prepare,
      refused: [
        ["otherCounty", FORBIDDEN_ISSUE],
        ["auditor", FORBIDDEN_ISSUE],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "assignIssueAction: a county hands 会同's issue out itself",
      action: assignIssueAction,
      values: cases[8].prepare,
      refused: [
        ["ownCounty", ADMIN_ONLY_ASSIGN],
        ["otherCounty", ADMIN_ONLY_ASSIGN],
        ["leader", ADMIN_ONLY_ASSIGN],
        ["auditor", ADMIN_ONLY_ASSIGN],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "issueProgressAction: 洞口 posts progress on 会同's issue",
      action: issueProgressAction,
      values: cases[9].prepare,
      refused: [
        ["otherCounty", UNIT_ONLY],
        ["admin", UNIT_ONLY],
        ["auditor", UNIT_ONLY],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "closeIssueAction: a county closes 会同's issue without 复核",
      action: closeIssueAction,
      values: cases[10].prepare,
      refused: [
        ["ownCounty", ADMIN_ONLY_ASSIGN],
        ["otherCounty", ADMIN_ONLY_ASSIGN],
        ["leader", ADMIN_ONLY_ASSIGN],
        ["auditor", ADMIN_ONLY_ASSIGN],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "acknowledgeIssueAction: 洞口 acknowledges 会同's issue",
      action: acknowledgeIssueAction,
      values: caseNamed("acknowledgeIssue (签收) of a county park's issue"),
      refused: [
        ["otherCounty", UNIT_ONLY],
        ["admin", UNIT_ONLY],
        ["leader", UNIT_ONLY],
        ["auditor", UNIT_ONLY],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "feedbackIssueAction: 洞口 reports 会同's issue done",
      action: feedbackIssueAction,
      values: caseNamed("feedbackIssue (反馈)"),
      refused: [
        ["otherCounty", UNIT_ONLY],
        ["admin", UNIT_ONLY],
        ["auditor", UNIT_ONLY],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "reviewIssueAction: 会同 verifies its own feedback",
      action: reviewIssueAction,
      values: caseNamed("reviewIssue (复核通过)"),
      refused: [
        ["ownCounty", ADMIN_ONLY_VERIFY],
        ["otherCounty", ADMIN_ONLY_VERIFY],
        ["leader", ADMIN_ONLY_VERIFY],
        ["auditor", ADMIN_ONLY_VERIFY],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "createProjectAction",
      action: createProjectAction,
      values: cases[11].prepare,
      refused: [
        ["ownCounty", ADMIN_ONLY_PROJECT],
        ["leader", ADMIN_ONLY_PROJECT],
        ["auditor", ADMIN_ONLY_PROJECT],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "updateProjectAction: a county edits its own project's total investment",
      action: updateProjectAction,
      values: cases[12].prepare,
      refused: [
        ["ownCounty", ADMIN_ONLY_PROJECT],
        ["auditor", ADMIN_ONLY_PROJECT],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "milestonesAction",
      action: milestonesAction,
      values: cases[16].prepare,
      refused: [
        ["ownCounty", ADMIN_ONLY_PROJECT],
        ["leader", ADMIN_ONLY_PROJECT],
        ["auditor", ADMIN_ONLY_PROJECT],
      ],
      allowedAs: "admin",
    },
    {
      name: "recordNodeAction: a county records 会同's node by hand-crafting the form",
      action: recordNodeAction,
      values: cases.find((c) => c.name === "recordNode")!.prepare,
      refused: [
        ["otherCounty", FORBIDDEN_NODE],
        ["leader", FORBIDDEN_NODE],
        ["auditor", FORBIDDEN_NODE],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "statsFigureAction: a county enters 会同's 入统数 by hand-crafting the form",
      action: statsFigureAction,
      values: cases.find((c) => c.name === "saveStatsFigure")!.prepare,
      refused: [
        ["otherCounty", FORBIDDEN_NODE],
        ["leader", FORBIDDEN_NODE],
        ["auditor", FORBIDDEN_NODE],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "saveReportSectionAction: a county or a leader edits the report text",
      action: saveReportSectionAction,
      values: cases.find((c) => c.name.startsWith("saveReportSection (edit"))!.prepare,
      refused: [
        ["ownCounty", "只有园区管理员可以编辑报告文字。"],
        ["leader", "只有园区管理员可以编辑报告文字。"],
        ["auditor", "只有园区管理员可以编辑报告文字。"],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "saveBenefitAction: 洞口 enters 会同's benefits",
      action: saveBenefitAction,
      values: benefitSave,
      refused: [
        ["otherCounty", "无权填报该项目的效益：只能填报本县区园区的项目。"],
        ["leader", "无权填报该项目的效益：只能填报本县区园区的项目。"],
        ["auditor", "无权填报该项目的效益：只能填报本县区园区的项目。"],
        ["anonymous", signIn],
      ],
      allowedAs: "ownCounty",
    },
    {
      name: "reviewBenefitAction: a county approves benefits",
      action: reviewBenefitAction,
      values: async () => ({ ...(await submittedBenefits()), decision: "approve", reason: "" }),
      refused: [
        ["ownCounty", "只有园区管理员可以审核效益填报。"],
        ["leader", "只有园区管理员可以审核效益填报。"],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "deleteReportSectionAction",
      action: deleteReportSectionAction,
      values: cases.find((c) => c.name === "deleteReportSection")!.prepare,
      refused: [
        ["otherCounty", "只有园区管理员可以编辑报告文字。"],
        ["leader", "只有园区管理员可以编辑报告文字。"],
        ["auditor", "只有园区管理员可以编辑报告文字。"],
      ],
      allowedAs: "admin",
    },
    {
      name: "createUserAction: a county makes itself an admin account",
      action: createUserAction,
      values: async () => ({ username: `evil${unique()}`, displayName: "x", role: "ADMIN", password: "abc12345abcd", reauthPassword: PASSWORD }),
      refused: [
        ["ownCounty", ADMIN_ONLY_USER],
        ["leader", ADMIN_ONLY_USER],
        ["auditor", ADMIN_ONLY_USER],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
    {
      name: "setUserActiveAction: a county deactivates another account",
      action: setUserActiveAction,
      values: cases[4].prepare,
      refused: [
        ["otherCounty", ADMIN_ONLY_USER],
        ["auditor", ADMIN_ONLY_USER],
        ["anonymous", signIn],
      ],
      allowedAs: "admin",
    },
  ];

  for (const c of actionCases) {
    it(`${c.name}: refused for ${c.refused.map(([r]) => r).join(", ")}, nothing changed; works for ${c.allowedAs}`, async () => {
      for (const [role, message] of c.refused) {
        const values = await c.values();
        await as(role);
        const before = await fingerprint(t.prisma);
        const state = await c.action(initialActionState, formData(values));
        expect(state, `${role} ${JSON.stringify(state)}`).toMatchObject({ ok: false, message });
        expect(await fingerprint(t.prisma), role).toBe(before);
      }
      const values = await c.values();
      await as(c.allowedAs);
      const before = await fingerprint(t.prisma);
      const state = await c.action(initialActionState, formData(values));
      expect(state.ok, state.message).toBe(true);
      expect(await fingerprint(t.prisma)).not.toBe(before);
    });
  }

  it("an expired or forged session cookie counts as anonymous", async () => {
    h.token = "forged-token-value";
    const values = await cases[6].prepare();
    const before = await fingerprint(t.prisma);
    expect(await createIssueAction(initialActionState, formData(values))).toMatchObject({ ok: false, message: "请先登录。" });
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  it("an administrator who must still change the password an administrator set: every action refused, nothing changed; the change itself goes through", async () => {
    const u = await createUser(t.prisma, null, bootstrapUserSchema.parse({ username: `first${unique()}`, displayName: "新管理员", role: "ADMIN", password: "Initial2025pw" }), {
      bootstrap: true,
      mustChangePassword: true,
    });
    const flagged = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, parkId: u.parkId };
    for (const c of actionCases) {
      const values = await c.values();
      h.token = await sessionToken(t.prisma, flagged);
      const before = await fingerprint(t.prisma);
      expect(await c.action(initialActionState, formData(values)), c.name).toMatchObject({ ok: false, message: MUST_CHANGE_PASSWORD_MESSAGE });
      expect(await fingerprint(t.prisma), c.name).toBe(before);
    }
    for (const action of [endOtherSessionsAction, endSessionAction]) {
      expect(await action(initialActionState, formData({ sessionId: "0".repeat(64) }))).toMatchObject({ ok: false, message: MUST_CHANGE_PASSWORD_MESSAGE });
    }
    const changed = await changePasswordAction(
      initialActionState,
      formData({ currentPassword: "Initial2025pw", newPassword: "Own-admin-2026", newPasswordAgain: "Own-admin-2026" }),
    ).catch((e: { digest?: string }) => e.digest);
    expect(changed).toMatch(/^NEXT_REDIRECT;[a-z]+;\/todo;/);
    const values = await cases[6].prepare();
    expect((await createIssueAction(initialActionState, formData(values))).ok).toBe(true);
  });

  it("one's own account (password, sessions): anonymous refused; every role acts on its own sessions only", async () => {
    h.token = undefined;
    const before = await fingerprint(t.prisma);
    for (const action of [changePasswordAction, endOtherSessionsAction, endSessionAction]) {
      const values = { currentPassword: PASSWORD, newPassword: "Anything-2026x", newPasswordAgain: "Anything-2026x", sessionId: "0".repeat(64) };
      expect(await action(initialActionState, formData(values)), action.name).toMatchObject({ ok: false, message: signIn });
    }
    expect(await fingerprint(t.prisma)).toBe(before);
    for (const role of ["leader", "ownCounty", "admin"] as const) {
      const other = await sessionToken(t.prisma, actorOf(role)!);
      await as(role);
      const mine = await t.prisma.session.count({ where: { userId: actorOf(role)!.id } });
      const total = await t.prisma.session.count();
      expect(await endOtherSessionsAction(initialActionState, formData({})), role).toMatchObject({ ok: true });
      const { actorForToken } = await import("@/server/auth/sessions");
      expect(await actorForToken(t.prisma, other)).toBeNull();
      expect(await actorForToken(t.prisma, h.token!)).not.toBeNull();
      // only this user's sessions ended
      expect(await t.prisma.session.count()).toBe(total - (mine - 1));
    }
  });
});

describe("issue ledger: concurrent edits", () => {
  it("a step from a stale page gets a conflict with both sides, and changes nothing", async () => {
    const { issueId, version } = await issueAt(t.prisma, a, "IN_PROGRESS");
    await addIssueProgress(t.prisma, a.huitong, issueProgressSchema.parse({ issueId, version, text: "已发布招聘公告" }));
    const before = await fingerprint(t.prisma);
    const conflict = await feedbackIssue(t.prisma, a.huitong, feedbackIssueSchema.parse({ issueId, version, feedback: "旧页面" })).catch((e) => e);
    expect(conflict.message).toContain("保存冲突");
    expect(conflict.details.theirs).toMatchObject({ status: "办理中", responsibleUnit: "县自然资源局", latestUpdate: "已发布招聘公告" });
    expect(conflict.details.yours).toMatchObject({ feedback: "旧页面" });
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  it("twenty people updating one issue from the same page: one lands, nineteen see a conflict, the history has one entry more", async () => {
    const { issueId, version } = await issueAt(t.prisma, a, "IN_PROGRESS");
    const updates = await t.prisma.issueUpdate.count({ where: { issueId: Number(issueId) } });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => addIssueProgress(t.prisma, a.huitong, issueProgressSchema.parse({ issueId, version, text: `进展${i}` }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason.constructor.name).toBe("ConflictError");
    expect(await t.prisma.issueUpdate.count({ where: { issueId: Number(issueId) } })).toBe(updates + 1);
    expect(await t.prisma.auditLog.count({ where: { entity: "Issue", entityId: issueId, action: "issue.progress" } })).toBe(1);
    expect((await t.prisma.issue.findUniqueOrThrow({ where: { id: Number(issueId) } })).version).toBe(Number(version) + 1);
  });
});

describe("Excel import and downloads × every role", () => {
  const as = async (role: Role) => {
    h.token = role === "anonymous" ? undefined : await sessionToken(t.prisma, actorOf(role)!);
  };

  /** 会同's template with YQ2024-001's 本月 set to a fresh amount (a change every time). */
  async function huitongFile(): Promise<Buffer> {
    const result = await templateExport(t.prisma, a.huitong, { month: "2024-12" });
    if (!result.ok) throw new Error(result.message);
    const wb = await loadWorkbook(await xlsxBuffer(result.build));
    const ws = wb.worksheets[0];
    const row = rowOf(ws, "YQ2024-001");
    row.getCell(colOf(ws, "本月完成投资")).value = 1 + (++n % 500);
    row.getCell(colOf(ws, "开工至今累计完成投资")).value = null;
    return saveWorkbook(wb);
  }

  it("previewImport: anonymous and leaders are refused; another county's rows are refused per row; nothing stored", async () => {
    const bytes = await huitongFile();
    for (const role of ["anonymous", "leader", "auditor"] as const) {
      const before = await fingerprint(t.prisma);
      const error = await previewImport(t.prisma, actorOf(role), { month: "2024-12", fileName: "a.xlsx", bytes }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AuthError);
      expect(await fingerprint(t.prisma)).toBe(before);
    }
    const before = await fingerprint(t.prisma);
    const other = await previewImport(t.prisma, a.dongkou, { month: "2024-12", fileName: "a.xlsx", bytes });
    expect(other.ok).toBe(false);
    expect(other.preview?.rows[0].errors[0].message).toBe("项目「YQ2024-001」属于会同县园区：只能导入本县区园区的项目");
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  it("applyImport: only the account that uploaded the batch applies it; 洞口, leaders and anonymous change nothing", async () => {
    const preview = await previewImport(t.prisma, a.huitong, { month: "2024-12", fileName: "a.xlsx", bytes: await huitongFile() });
    expect(preview.ok).toBe(true);
    const batchId = preview.ok ? preview.batchId! : 0;
    for (const [role, kind] of [
      ["anonymous", AuthError],
      ["leader", AuthError],
      ["auditor", AuthError],
      ["otherCounty", NotFoundError],
      ["admin", NotFoundError],
    ] as const) {
      const before = await fingerprint(t.prisma);
      const error = await applyImport(t.prisma, actorOf(role), batchId).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, role).toBeInstanceOf(kind);
      expect(await fingerprint(t.prisma), role).toBe(before);
    }
    // the same through the action, as a hand-made request from 洞口
    await as("otherCounty");
    const before = await fingerprint(t.prisma);
    expect(await applyImportAction(initialActionState, formData({ batchId: String(batchId) }))).toMatchObject({ ok: false, message: "没有这次导入（或不是您上传的）。" });
    expect(await fingerprint(t.prisma)).toBe(before);
    await as("ownCounty");
    expect((await applyImportAction(initialActionState, formData({ batchId: String(batchId) }))).ok).toBe(true);
    const last = await t.prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "report.import", actor: "huitong" });
    // applied once only
    expect(await applyImportAction(initialActionState, formData({ batchId: String(batchId) }))).toMatchObject({ ok: false, message: "这次导入已经完成，不能重复导入。" });
    // leave 2024-12 of YQ2024-001 editable for the other cases
    const r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, month: "2024-12" } });
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "return", reason: "测试退回" });
  });

  it("uploadImportAction: anonymous and leaders are refused", async () => {
    const fd = formData({ month: "2024-12" });
    fd.append("file", new File([new Uint8Array(await huitongFile())], "a.xlsx"));
    for (const [role, message] of [
      ["anonymous", "请先登录。"],
      ["leader", "无权导入该县区园区的调度表：只能导入本县区园区的项目。"],
      ["auditor", "无权导入该县区园区的调度表：只能导入本县区园区的项目。"],
    ] as const) {
      await as(role);
      const before = await fingerprint(t.prisma);
      expect(await uploadImportAction(initialActionState, fd)).toMatchObject({ ok: false, message });
      expect(await fingerprint(t.prisma)).toBe(before);
    }
  });

  it("downloads: the template only for one's own park; the audit log only for administrators and auditors; every list needs a sign-in", async () => {
    const other = await templateExport(t.prisma, a.dongkou, { month: "2024-12", park: String(a.huitong.parkId) });
    expect(other.ok && other.fileName).toBe("2024年12月调度表导入模板-洞口县园区.xlsx"); // a county always gets its own park
    expect(await templateExport(t.prisma, a.leader, { month: "2024-12", park: String(a.huitong.parkId) })).toMatchObject({ ok: false, status: 403 });
    expect(await auditExport(t.prisma, a.huitong, {})).toMatchObject({ ok: false, status: 403, message: "只有园区管理员和审计员可以导出操作日志。" });
    expect(await auditExport(t.prisma, a.leader, {})).toMatchObject({ ok: false, status: 403 });
    expect((await auditExport(t.prisma, a.admin, {})).ok).toBe(true);
    expect((await auditExport(t.prisma, a.auditor, {})).ok).toBe(true);
    // the 审计员 reads the audit log and nothing else: every project data download is refused
    const DATA_REFUSED = "审计员只能查看操作日志，不能查看项目数据。";
    expect(await scheduleExport(t.prisma, a.auditor, "2024-11", {})).toMatchObject({ ok: false, status: 403, message: DATA_REFUSED });
    expect(await projectListExport(t.prisma, a.auditor, { year: "2024" })).toMatchObject({ ok: false, status: 403, message: DATA_REFUSED });
    expect(await issueExport(t.prisma, a.auditor, {})).toMatchObject({ ok: false, status: 403, message: DATA_REFUSED });
    expect(await templateExport(t.prisma, a.auditor, {})).toMatchObject({ ok: false, status: 403 });
    expect((await scheduleExport(t.prisma, a.leader, "2024-11", {})).ok).toBe(true);
    for (const run of [
      (x: Actor | null) => scheduleExport(t.prisma, x, "2024-12", {}),
      (x: Actor | null) => projectListExport(t.prisma, x, { year: "2024" }),
      (x: Actor | null) => issueExport(t.prisma, x, {}),
      (x: Actor | null) => templateExport(t.prisma, x, {}),
      (x: Actor | null) => auditExport(t.prisma, x, {}),
    ]) {
      expect(await run(null)).toMatchObject({ ok: false, status: 401 });
      expect((await run(a.leader)).ok || (await run(a.admin)).ok || (await run(a.huitong)).ok).toBe(true);
    }
  });
});
