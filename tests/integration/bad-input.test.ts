// Bad input over the forms, through the server actions exactly as the browser posts them:
// each case gets a clear Chinese message (next to its field where there is one) and leaves
// the database exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// first, before the app: the request and database the app's code sees
import { request as h } from "../helpers/next-request";

import type { ActionState } from "@/server/action-state";
import { initialActionState } from "@/server/action-state";
import { saveReportAction, withdrawReportAction } from "@/server/monthly-reports/actions";
import {
  acknowledgeIssueAction,
  assignIssueAction,
  closeIssueAction,
  createIssueAction,
  feedbackIssueAction,
  issueProgressAction,
  reviewIssueAction,
} from "@/server/issues/actions";
import { createProjectAction, plannedInvestmentAction, updateProjectAction } from "@/server/projects/actions";
import { fundingPlanAction } from "@/server/funding/actions";
import { createUserAction, resetPasswordAction, updateUserAction } from "@/server/users/actions";
import { changePasswordAction, endSessionAction } from "@/server/account/actions";
import { recordNodeAction, statsFigureAction } from "@/server/nodes/actions";
import { saveReportSectionAction } from "@/server/documents/actions";
import { applyImportAction, uploadImportAction } from "@/server/excel/actions";
import { declineCorrectionAction, openPeriodAction, publishPeriodAction, reopenPeriodAction, requestCorrectionAction } from "@/server/periods/actions";
import { createIssue } from "@/server/issues/service";
import { createIssueSchema } from "@/lib/schemas/issue";
import { addMonths, businessDate, currentMonth } from "@/lib/month";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, sessionToken, type Actors } from "../helpers/actors";
import { fingerprint, formData } from "../helpers/fingerprint";
import { issueAt } from "../helpers/issues";
import { monthlyReportFields } from "../helpers/monthly-report";
import { saveBenefitAction, reviewBenefitAction } from "@/server/benefits/actions";
import { benefitFields, producingProject } from "../helpers/benefits";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;
type As = "huitong" | "admin";
type Case = {
  name: string;
  action: Action;
  as: As;
  values: () => Record<string, string>;
  /** the field the message must stand next to; null: the form-level message */
  field: string | null;
  message: string;
};

let t: TestDatabase;
let a: Actors;
const tokens: Partial<Record<As, string>> = {};
let issue: { id: number; version: number };
/** issues in the 督办 loop: 办理中 (会同), 待复核 (会同) */
let working: { issueId: string; version: string };
let reported: { issueId: string; version: string };
let projectVersion = 0;
let approvedNovember: { id: number; version: number };
let textSection: { id: number; version: number; title: string; body: string };

const long = (n: number) => "字".repeat(n);
const future = () => addMonths(currentMonth(), 1);
const node =
  (over: Record<string, string> = {}) =>
  () => ({ code: "YQ2024-001", kind: "STATS_ENTRY", stamp: "", actualDate: "2024-09-20", evidence: "统计联网直报平台入库截图", ...over });

const report =
  (over: Record<string, string> = {}) =>
  () =>
    monthlyReportFields({ monthInvestment: "100", cumulativeInvestment: "150100", intent: "save", ...over });
const newIssue =
  (over: Record<string, string> = {}) =>
  () => ({
    projectCode: "YQ2024-001",
    category: "FUNDING",
    subCategory: "FUNDING_OTHER",
    title: "流动资金紧张",
    description: "银行授信未到位",
    ...over,
  });
const project =
  (over: Record<string, string> = {}) =>
  () => ({
    code: "YQ2024-099",
    version: "0",
    name: "新建测试项目",
    parkId: String(a.huitong.parkId),
    totalInvestment: "50000",
    status: "NOT_STARTED",
    ...over,
  });
const user =
  (over: Record<string, string> = {}) =>
  () => ({
    username: "newstaff",
    displayName: "新同事",
    role: "LEADER",
    parkId: "",
    password: "abc12345abcd",
    reauthPassword: "demo2024",
    ...over,
  });

/** 修改密码 of 会同's account, valid but for what a case overrides */
const own =
  (over: Record<string, string> = {}) =>
  () => ({ currentPassword: "demo2024", newPassword: "Huitong-own-2026", newPasswordAgain: "Huitong-own-2026", ...over });
let dongkouRow: { id: number; updatedAt: Date; displayName: string };

const benefits =
  (over: Record<string, string> = {}) =>
  () =>
    benefitFields(over);

const cases: Case[] = [
  // 效益填报 (达产与效益)
  { name: "产值 negative", action: saveBenefitAction, as: "huitong", values: benefits({ output: "-5" }), field: "output", message: "产值不能为负数" },
  { name: "产值 in words", action: saveBenefitAction, as: "huitong", values: benefits({ output: "三十二亿" }), field: "output", message: "产值须为数字（单位：万元）" },
  { name: "税收 with three decimals", action: saveBenefitAction, as: "huitong", values: benefits({ tax: "4800.123" }), field: "tax", message: "税收最多保留两位小数（万元）" },
  { name: "新增就业 not whole", action: saveBenefitAction, as: "huitong", values: benefits({ jobs: "12.5" }), field: "jobs", message: "新增就业人数须为整数" },
  { name: "year of two digits", action: saveBenefitAction, as: "huitong", values: benefits({ year: "25" }), field: "year", message: "年度格式应为四位数字，如 2025" },
  { name: "quarter 5", action: saveBenefitAction, as: "huitong", values: benefits({ quarter: "5" }), field: "quarter", message: "期间无效：请选择全年或第1–4季度" },
  { name: "named metric negative", action: saveBenefitAction, as: "huitong", values: benefits({ metric_0: "-1" }), field: "metric_0", message: "年供电量（亿千瓦时）不能为负数" },
  {
    name: "named metric with five decimals",
    action: saveBenefitAction,
    as: "huitong",
    values: benefits({ metric_0: "12.12345" }),
    field: "metric_0",
    message: "年供电量（亿千瓦时）最多保留四位小数",
  },
  {
    name: "nothing reported",
    action: saveBenefitAction,
    as: "huitong",
    values: benefits({ output: "", tax: "", jobs: "", metric_0: "" }),
    field: "output",
    message: "请至少填写一项效益数据（产值、税收、新增就业或项目指标）。",
  },
  {
    name: "a year before production",
    action: saveBenefitAction,
    as: "huitong",
    values: benefits({ year: "2024" }),
    field: "year",
    message: "项目于2025年3月投产，不能填报2024年（投产前）的效益。",
  },
  { name: "a year not yet ended", action: saveBenefitAction, as: "huitong", values: benefits({ year: "2099" }), field: "year", message: "2099年尚未结束，结束后再填报。" },
  {
    name: "benefits: return without a reason",
    action: reviewBenefitAction,
    as: "admin",
    values: () => ({ reportId: "1", version: "1", decision: "return", reason: "" }),
    field: "reason",
    message: "退回时请填写退回原因",
  },
  // 月度调度 (the lead's form)
  {
    name: "kept photo id not a number",
    action: saveReportAction,
    as: "huitong",
    values: report({ keepPhoto: "1; DROP TABLE" }),
    field: "photos",
    message: "保留的照片无效，请刷新页面后重新选择。",
  },
  {
    name: "kept photo of no report of this month",
    action: saveReportAction,
    as: "huitong",
    values: report({ keepPhoto: "424242" }),
    field: "photos",
    message: "保留的照片不属于本月报表",
  },
  {
    name: "withdraw: report id not a number",
    action: withdrawReportAction,
    as: "huitong",
    values: () => ({ reportId: "abc", version: "1" }),
    field: "reportId",
    message: "报表无效",
  },
  {
    name: "withdraw: an approved report",
    action: withdrawReportAction,
    as: "huitong",
    values: () => ({ reportId: String(approvedNovember.id), version: String(approvedNovember.version) }),
    field: null,
    message: "只能撤回“已提交”且尚未审核的报表，该报表当前为“已审核”。",
  },
  { name: "negative amount", action: saveReportAction, as: "huitong", values: report({ monthInvestment: "-5" }), field: "monthInvestment", message: "本月完成投资不能为负数" },
  // 资金到位 by source (optional each; 万元, two decimals, never negative)
  { name: "money in place negative", action: saveReportAction, as: "huitong", values: report({ fundsBank: "-1" }), field: "fundsBank", message: "银行贷款累计到位不能为负数" },
  {
    name: "money in place with three decimals",
    action: saveReportAction,
    as: "huitong",
    values: report({ fundsFiscal: "100.125" }),
    field: "fundsFiscal",
    message: "财政资金累计到位最多保留两位小数（万元）",
  },
  {
    name: "money in place in words",
    action: saveReportAction,
    as: "huitong",
    values: report({ fundsBond: "五千" }),
    field: "fundsBond",
    message: "地方政府专项债券累计到位须为数字（单位：万元），如 1200 或 1200.50",
  },
  {
    name: "money in place too large",
    action: saveReportAction,
    as: "huitong",
    values: report({ fundsSelf: "9999999999999" }),
    field: "fundsSelf",
    message: "企业自筹累计到位数额过大，请核对单位是否为万元",
  },
  {
    name: "three decimals",
    action: saveReportAction,
    as: "huitong",
    values: report({ monthInvestment: "12.345" }),
    field: "monthInvestment",
    message: "本月完成投资最多保留两位小数（万元）",
  },
  {
    name: "letters",
    action: saveReportAction,
    as: "huitong",
    values: report({ monthInvestment: "abc" }),
    field: "monthInvestment",
    message: "本月完成投资须为数字（单位：万元），如 1200 或 1200.50",
  },
  {
    name: "exponent notation",
    action: saveReportAction,
    as: "huitong",
    values: report({ cumulativeInvestment: "1e5" }),
    field: "cumulativeInvestment",
    message: "累计完成投资须为数字",
  },
  {
    name: "Chinese numerals",
    action: saveReportAction,
    as: "huitong",
    values: report({ cumulativeInvestment: "十五亿" }),
    field: "cumulativeInvestment",
    message: "累计完成投资须为数字",
  },
  {
    name: "huge number",
    action: saveReportAction,
    as: "huitong",
    values: report({ cumulativeInvestment: "99999999999999" }),
    field: "cumulativeInvestment",
    message: "累计完成投资数额过大，请核对单位是否为万元",
  },
  { name: "empty amount", action: saveReportAction, as: "huitong", values: report({ monthInvestment: "" }), field: "monthInvestment", message: "请填写本月完成投资（万元）" },
  { name: "empty progress", action: saveReportAction, as: "huitong", values: report({ progressText: "  " }), field: "progressText", message: "请填写形象进度" },
  {
    name: "script tag in progress",
    action: saveReportAction,
    as: "huitong",
    values: report({ progressText: "<script>alert(1)</script>" }),
    field: "progressText",
    message: "形象进度不能包含网页标签（如 <script>）",
  },
  { name: "oversized progress", action: saveReportAction, as: "huitong", values: report({ progressText: long(1001) }), field: "progressText", message: "形象进度不能超过1000个字" },
  {
    name: "future month",
    action: saveReportAction,
    as: "huitong",
    values: () => report({ month: future() })(),
    field: "month",
    message: `填报月份不能晚于本月（${currentMonth()}）`,
  },
  { name: "malformed month", action: saveReportAction, as: "huitong", values: report({ month: "2024-13" }), field: "month", message: "填报月份格式应为 年-月，如 2024-09" },
  {
    name: "month before the list year",
    action: saveReportAction,
    as: "huitong",
    values: report({ month: "2023-12", cumulativeInvestment: "100" }),
    field: "month",
    message: "不能早于项目列入重大项目清单的年份（2024年）",
  },
  {
    name: "cumulative ≠ previous + month",
    action: saveReportAction,
    as: "huitong",
    values: report({ cumulativeInvestment: "999" }),
    field: "cumulativeInvestment",
    message: "应为上期（2024年11月）累计 150,000万元 + 本月 100万元 = 150,100万元",
  },
  {
    name: "production before start",
    action: saveReportAction,
    as: "huitong",
    values: report({ actualStartMonth: "2024-09", actualProductionMonth: "2024-08" }),
    field: "actualProductionMonth",
    message: "实际投产月份（2024年8月）不能早于实际开工月份（2024年9月）",
  },
  {
    name: "production alone, before the project's own start",
    action: saveReportAction,
    as: "huitong",
    values: report({ actualProductionMonth: "2024-08" }),
    field: "actualProductionMonth",
    message: "实际投产月份（2024年8月）不能早于实际开工月份（2024年9月）",
  },
  { name: "unknown project code", action: saveReportAction, as: "admin", values: report({ projectCode: "YQ2099-404" }), field: null, message: "项目代码「YQ2099-404」不存在。" },
  {
    name: "stale version",
    action: saveReportAction,
    as: "huitong",
    values: report({ month: "2024-11", cumulativeInvestment: "150100", version: "0" }),
    field: null,
    message: "保存冲突",
  },
  { name: "unknown intent", action: saveReportAction, as: "huitong", values: report({ intent: "delete" }), field: "intent", message: "无效的操作" },
  {
    name: "a 形象进度阶段 not in the list",
    action: saveReportAction,
    as: "huitong",
    values: report({ progressStage: "土建" }),
    field: "progressStage",
    message: "形象进度阶段无效：请从前期、基础施工、主体施工、主体完工、设备安装、调试、投产中选择，或不选",
  },
  {
    name: "correcting a published month",
    action: saveReportAction,
    as: "huitong",
    values: report({ month: "2024-11", cumulativeInvestment: "150100", explanation: "更正", version: "1" }),
    field: null,
    message: "2024年11月已发布；本月数据只读。如需更正，请向园区申请重新开放。",
  },

  // node records and 入统数
  { name: "node without a date", action: recordNodeAction, as: "huitong", values: node({ actualDate: "" }), field: "actualDate", message: "请选择实际完成日期" },
  { name: "node without evidence", action: recordNodeAction, as: "huitong", values: node({ evidence: " " }), field: "evidence", message: "请填写佐证材料" },
  {
    name: "node in the future",
    action: recordNodeAction,
    as: "huitong",
    values: () => node({ actualDate: "2099-01-01" })(),
    field: "actualDate",
    message: `实际完成日期不能晚于今天（${businessDate()}）`,
  },
  { name: "unknown node kind", action: recordNodeAction, as: "huitong", values: node({ kind: "SIGNING" }), field: "kind", message: "节点无效" },
  {
    name: "入库 before the project started",
    action: recordNodeAction,
    as: "huitong",
    values: node({ actualDate: "2024-08-31" }),
    field: "actualDate",
    message: "实际日期不能早于项目实际开工月份（2024年9月）",
  },
  {
    name: "a node the plan does not have",
    action: recordNodeAction,
    as: "huitong",
    values: node({ kind: "LAND" }),
    field: null,
    message: "该项目的节点计划中没有「土地摘牌」节点，请联系园区管理员。",
  },
  {
    name: "入统数 before 入库",
    action: statsFigureAction,
    as: "huitong",
    values: () => ({ code: "YQ2024-001", month: "2024-08", cumulativeInvestment: "100" }),
    field: "month",
    message: "入统月份不能早于入库月份（2024年9月）",
  },
  {
    name: "negative 入统数",
    action: statsFigureAction,
    as: "huitong",
    values: () => ({ code: "YQ2024-001", month: "2024-10", cumulativeInvestment: "-1" }),
    field: "cumulativeInvestment",
    message: "入统累计投资不能为负数",
  },
  {
    name: "入统数 for a future month",
    action: statsFigureAction,
    as: "huitong",
    values: () => ({ code: "YQ2024-001", month: future(), cumulativeInvestment: "1" }),
    field: "month",
    message: `入统月份不能晚于本月（${currentMonth()}）`,
  },

  // 调度期
  {
    name: "re-open without a reason",
    action: reopenPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-11", version: "2", reason: "", reauthPassword: "demo2024" }),
    field: "reason",
    message: "请填写重新开放原因",
  },
  {
    name: "re-open with a two-character reason",
    action: reopenPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-11", version: "2", reason: "更正", reauthPassword: "demo2024" }),
    field: "reason",
    message: "请写明重新开放的原因（至少4个字）",
  },
  {
    name: "re-open from a stale page",
    action: reopenPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-11", version: "1", reason: "数据有误需更正", reauthPassword: "demo2024" }),
    field: null,
    message: "2024年11月调度在您打开页面之后已被其他人更改",
  },
  { name: "publish a month twice", action: publishPeriodAction, as: "admin", values: () => ({ month: "2024-11", version: "2" }), field: null, message: "2024年11月调度已发布。" },
  {
    name: "publish a malformed month",
    action: publishPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-13", version: "1" }),
    field: "month",
    message: "调度期月份格式应为 年-月，如 2024-11",
  },
  {
    name: "publish a month with projects not reported, without confirming them",
    action: publishPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-12", version: "1" }),
    field: "leftBehind",
    message: "将按未报处理：退回0个、草稿0个、未报4个项目。请勾选确认后再发布。",
  },
  {
    name: "publish with a malformed confirmation",
    action: publishPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-12", version: "1", leftBehind: "全部" }),
    field: "leftBehind",
    message: "确认的项目个数无效，请刷新页面后重新确认",
  },
  {
    name: "publish with the confirmation of an older page",
    action: publishPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-12", version: "1", leftBehind: "0,0,3,0" }),
    field: null,
    message: "在您打开页面之后，未审核通过的项目有了变化（现在将按未报处理：退回0个、草稿0个、未报4个项目），请刷新页面核对后再发布。",
  },
  // 申请更正
  {
    name: "a correction request without a reason",
    action: requestCorrectionAction,
    as: "huitong",
    values: () => ({ month: "2024-11", projectCode: "YQ2024-001", reason: "  " }),
    field: "reason",
    message: "请填写更正原因",
  },
  {
    name: "a correction request with a reason too short to act on",
    action: requestCorrectionAction,
    as: "huitong",
    values: () => ({ month: "2024-11", projectCode: "YQ2024-001", reason: "更正" }),
    field: "reason",
    message: "请写明需要更正的内容和原因（至少4个字）",
  },
  {
    name: "a correction request with a reason too long",
    action: requestCorrectionAction,
    as: "huitong",
    values: () => ({ month: "2024-11", projectCode: "YQ2024-001", reason: long(501) }),
    field: "reason",
    message: "更正原因不能超过500个字",
  },
  {
    name: "a correction request with a script in its reason",
    action: requestCorrectionAction,
    as: "huitong",
    values: () => ({ month: "2024-11", projectCode: "YQ2024-001", reason: "<script>alert(1)</script>更正数据" }),
    field: "reason",
    message: "不能包含网页标签",
  },
  {
    name: "a correction request for a month not published",
    action: requestCorrectionAction,
    as: "huitong",
    values: () => ({ month: "2024-12", projectCode: "YQ2024-001", reason: "补报12月投资数据" }),
    field: null,
    message: "2024年12月未发布（或已重新开放），可以直接填报，无需申请更正。",
  },
  {
    name: "a correction request for a malformed month",
    action: requestCorrectionAction,
    as: "huitong",
    values: () => ({ month: "2024-13", projectCode: "YQ2024-001", reason: "补报12月投资数据" }),
    field: "month",
    message: "调度期月份格式应为 年-月，如 2024-11",
  },
  {
    name: "a correction request for an unknown project",
    action: requestCorrectionAction,
    as: "huitong",
    values: () => ({ month: "2024-11", projectCode: "NO-SUCH", reason: "补报11月投资数据" }),
    field: null,
    message: "无权申请更正该项目：只能为本县区园区的项目申请更正。",
  },
  {
    name: "declining a correction without a reply",
    action: declineCorrectionAction,
    as: "admin",
    values: () => ({ requestId: "999999", version: "1", reply: "" }),
    field: "reply",
    message: "请填写答复",
  },
  {
    name: "declining a correction with a malformed id",
    action: declineCorrectionAction,
    as: "admin",
    values: () => ({ requestId: "abc", version: "1", reply: "数据无误，不予更正" }),
    field: "requestId",
    message: "更正申请无效，请刷新页面",
  },
  {
    name: "declining a correction that does not exist",
    action: declineCorrectionAction,
    as: "admin",
    values: () => ({ requestId: "999999", version: "1", reply: "数据无误，不予更正" }),
    field: null,
    message: "更正申请不存在。",
  },
  {
    name: "publish a year without a plan",
    action: publishPeriodAction,
    as: "admin",
    values: () => ({ month: "2023-05", version: "1" }),
    field: null,
    message: "没有2023年的重大项目计划，不能发布2023年5月调度。",
  },
  {
    name: "open with an impossible deadline",
    action: openPeriodAction,
    as: "admin",
    values: () => ({ month: "2025-01", deadline: "2025-02-30" }),
    field: "deadline",
    message: "截止日期格式应为 年-月-日，如 2024-12-05",
  },

  // 问题台账
  { name: "empty title", action: createIssueAction, as: "huitong", values: newIssue({ title: "" }), field: "title", message: "请填写问题标题" },
  // 资金问题: the source and the amount short (资金缺口)
  { name: "funding gap negative", action: createIssueAction, as: "huitong", values: newIssue({ fundingGap: "-100" }), field: "fundingGap", message: "资金缺口不能为负数" },
  {
    name: "funding gap in words",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ fundingGap: "两亿" }),
    field: "fundingGap",
    message: "资金缺口须为数字（单位：万元），如 1200 或 1200.50",
  },
  {
    name: "funding source unknown",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ fundingSource: "PRIVATE_EQUITY" }),
    field: "fundingSource",
    message: "没有这个资金来源，请从列表中选择",
  },
  {
    name: "a funding gap on an issue that is not about money",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ category: "FACTOR", subCategory: "TALENT", fundingGap: "5000" }),
    field: "fundingGap",
    message: "资金来源和资金缺口只用于“资金问题”类别：请改选资金问题下的类别，或清空这两项",
  },
  { name: "oversized title", action: createIssueAction, as: "huitong", values: newIssue({ title: long(201) }), field: "title", message: "问题标题不能超过200个字" },
  {
    name: "html in description",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ description: '<img src=x onerror="alert(1)">' }),
    field: "description",
    message: "问题描述不能包含网页标签（如 <script>）",
  },
  {
    name: "oversized description",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ description: long(2001) }),
    field: "description",
    message: "问题描述不能超过2000个字",
  },
  { name: "no category", action: createIssueAction, as: "huitong", values: newIssue({ category: "", subCategory: "" }), field: "subCategory", message: "请选择问题类别" },
  {
    name: "unknown sub-category",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ subCategory: "技术人才不足" }),
    field: "subCategory",
    message: "没有这个问题类别，请从列表中选择",
  },
  { name: "unknown category", action: createIssueAction, as: "huitong", values: newIssue({ category: "WEATHER" }), field: "category", message: "请选择问题类别" },
  {
    name: "sub-problem not in its category",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ subCategory: "TALENT" }),
    field: "subCategory",
    message: "「资金问题」下没有「技术人才不足」，请从列表中选择",
  },
  {
    name: "neither project nor park",
    action: createIssueAction,
    as: "admin",
    values: newIssue({ projectCode: "", parkId: "" }),
    field: "projectCode",
    message: "请选择问题所属的项目或县区园区",
  },
  {
    name: "unknown project code",
    action: createIssueAction,
    as: "admin",
    values: newIssue({ projectCode: "YQ2099-404" }),
    field: "projectCode",
    message: "项目代码「YQ2099-404」不存在",
  },
  {
    name: "impossible due date",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ dueDate: "2025-02-30" }),
    field: "dueDate",
    message: "办结时限格式应为 年-月-日，如 2024-09-30",
  },
  {
    name: "raised in the future",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ raisedDate: "2099-01-01" }),
    field: "raisedDate",
    message: `提出日期不能晚于今天（${businessDate()}）`,
  },
  {
    name: "due before raised",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ raisedDate: "2024-10-01", dueDate: "2024-09-01" }),
    field: "dueDate",
    message: "办结时限不能早于提出日期",
  },
  {
    name: "duplicate title in the year",
    action: createIssueAction,
    as: "huitong",
    values: newIssue({ title: "土地成本增加" }),
    field: "title",
    message: "2024年已有标题为「土地成本增加」的问题",
  },
  {
    name: "close without resolution",
    action: closeIssueAction,
    as: "huitong",
    values: () => ({ issueId: String(issue.id), version: String(issue.version), resolution: "" }),
    field: "resolution",
    message: "请填写办结情况",
  },
  {
    name: "progress from a stale page",
    action: issueProgressAction,
    as: "huitong",
    values: () => ({ issueId: String(issue.id), version: String(issue.version + 7), text: "已协调" }),
    field: null,
    message: "保存冲突：该问题在您打开页面之后已被他人修改",
  },
  { name: "issue id letters", action: issueProgressAction, as: "huitong", values: () => ({ issueId: "abc", version: "1", text: "已协调" }), field: "issueId", message: "问题无效" },

  // 督办: 交办, 签收, 反馈, 复核
  {
    name: "交办 without a unit",
    action: assignIssueAction,
    as: "admin",
    values: () => ({ issueId: String(issue.id), version: String(issue.version), responsibleUnit: " ", responsibleLeader: "王副县长", dueDate: "2099-01-31" }),
    field: "responsibleUnit",
    message: "请填写责任单位",
  },
  {
    name: "交办 without a 包保领导",
    action: assignIssueAction,
    as: "admin",
    values: () => ({ issueId: String(issue.id), version: String(issue.version), responsibleUnit: "县自然资源局", responsibleLeader: "", dueDate: "2099-01-31" }),
    field: "responsibleLeader",
    message: "请填写包保领导",
  },
  {
    name: "交办 without a deadline",
    action: assignIssueAction,
    as: "admin",
    values: () => ({ issueId: String(issue.id), version: String(issue.version), responsibleUnit: "县自然资源局", responsibleLeader: "王副县长", dueDate: "" }),
    field: "dueDate",
    message: "请选择办结时限",
  },
  {
    name: "交办 with an impossible deadline",
    action: assignIssueAction,
    as: "admin",
    values: () => ({ issueId: String(issue.id), version: String(issue.version), responsibleUnit: "县自然资源局", responsibleLeader: "王副县长", dueDate: "2025-02-30" }),
    field: "dueDate",
    message: "办结时限格式应为 年-月-日",
  },
  {
    name: "交办 with a deadline before the issue was raised",
    action: assignIssueAction,
    as: "admin",
    values: () => ({ issueId: String(issue.id), version: String(issue.version), responsibleUnit: "县自然资源局", responsibleLeader: "王副县长", dueDate: "2000-01-01" }),
    field: "dueDate",
    message: "办结时限不能早于提出日期",
  },
  {
    name: "签收 before 交办",
    action: acknowledgeIssueAction,
    as: "huitong",
    values: () => ({ issueId: String(issue.id), version: String(issue.version) }),
    field: null,
    message: "该问题当前为「待交办」，不能签收。",
  },
  {
    name: "反馈 without saying what was done",
    action: feedbackIssueAction,
    as: "huitong",
    values: () => ({ ...working, feedback: "" }),
    field: "feedback",
    message: "请填写办理结果",
  },
  {
    name: "反馈 with markup",
    action: feedbackIssueAction,
    as: "huitong",
    values: () => ({ ...working, feedback: "<b>已办</b>" }),
    field: "feedback",
    message: "办理结果不能包含网页标签",
  },
  {
    name: "反馈 on an unknown issue",
    action: feedbackIssueAction,
    as: "huitong",
    values: () => ({ issueId: "99999999", version: "1", feedback: "已办" }),
    field: null,
    message: "问题不存在或已被删除。",
  },
  {
    name: "退回 without a reason",
    action: reviewIssueAction,
    as: "admin",
    values: () => ({ ...reported, decision: "return", comment: "" }),
    field: "comment",
    message: "退回重办须填写复核意见（退回原因）",
  },
  {
    name: "复核 with an unknown decision",
    action: reviewIssueAction,
    as: "admin",
    values: () => ({ ...reported, decision: "approve" }),
    field: "decision",
    message: "请选择复核结论",
  },
  {
    name: "复核 closing in the future",
    action: reviewIssueAction,
    as: "admin",
    values: () => ({ ...reported, decision: "accept", closedDate: "2099-01-01" }),
    field: "closedDate",
    message: "办结日期不能晚于今天",
  },
  {
    name: "复核 of an issue not reported done",
    action: reviewIssueAction,
    as: "admin",
    values: () => ({ ...working, decision: "accept" }),
    field: null,
    message: "该问题当前为「办理中」，不能复核通过。",
  },

  // 项目
  { name: "empty code", action: createProjectAction, as: "admin", values: project({ code: "" }), field: "code", message: "请填写项目代码" },
  {
    name: "duplicate code",
    action: createProjectAction,
    as: "admin",
    values: project({ code: "YQ2024-001" }),
    field: "code",
    message: "项目代码「YQ2024-001」已被使用：项目代码终身唯一，请核对",
  },
  {
    name: "code with Chinese and spaces",
    action: createProjectAction,
    as: "admin",
    values: project({ code: "园区 001" }),
    field: "code",
    message: "项目代码只能包含字母、数字、短横线和下划线",
  },
  { name: "negative total", action: createProjectAction, as: "admin", values: project({ totalInvestment: "-1" }), field: "totalInvestment", message: "总投资不能为负数" },
  {
    name: "total with three decimals",
    action: createProjectAction,
    as: "admin",
    values: project({ totalInvestment: "1.234" }),
    field: "totalInvestment",
    message: "总投资最多保留两位小数（万元）",
  },
  {
    name: "total in 亿元 words",
    action: createProjectAction,
    as: "admin",
    values: project({ totalInvestment: "33亿元" }),
    field: "totalInvestment",
    message: "总投资须为数字（单位：万元）",
  },
  {
    name: "huge total",
    action: createProjectAction,
    as: "admin",
    values: project({ totalInvestment: "1000000000000" }),
    field: "totalInvestment",
    message: "总投资数额过大，请核对单位是否为万元",
  },
  { name: "empty total", action: createProjectAction, as: "admin", values: project({ totalInvestment: "" }), field: "totalInvestment", message: "请填写总投资（万元）" },
  {
    name: "script in name",
    action: createProjectAction,
    as: "admin",
    values: project({ name: "<script>x</script>" }),
    field: "name",
    message: "项目名称不能包含网页标签（如 <script>）",
  },
  {
    name: "oversized construction content",
    action: createProjectAction,
    as: "admin",
    values: project({ constructionContent: long(4001) }),
    field: "constructionContent",
    message: "主要建设内容不能超过4000个字",
  },
  { name: "negative jobs", action: createProjectAction, as: "admin", values: project({ expectedJobs: "-3" }), field: "expectedJobs", message: "年新增就业人数不能为负数" },
  { name: "fractional jobs", action: createProjectAction, as: "admin", values: project({ expectedJobs: "1.5" }), field: "expectedJobs", message: "年新增就业人数须为整数" },
  { name: "tax with letters", action: createProjectAction, as: "admin", values: project({ expectedTax: "5k" }), field: "expectedTax", message: "预计年税收须为数字" },
  { name: "no park", action: createProjectAction, as: "admin", values: project({ parkId: "" }), field: "parkId", message: "请选择县区园区" },
  { name: "unknown park", action: createProjectAction, as: "admin", values: project({ parkId: "99999" }), field: "parkId", message: "县区园区不存在" },
  { name: "unknown status", action: createProjectAction, as: "admin", values: project({ status: "FINISHED" }), field: "status", message: "请选择项目状态" },
  {
    name: "actual start in the future",
    action: createProjectAction,
    as: "admin",
    values: () => project({ status: "UNDER_CONSTRUCTION", actualStartMonth: future() })(),
    field: "actualStartMonth",
    message: "实际开工月份不能晚于本月",
  },
  {
    name: "started without a start month",
    action: createProjectAction,
    as: "admin",
    values: project({ status: "UNDER_CONSTRUCTION" }),
    field: "actualStartMonth",
    message: "已开工的项目请填写实际开工月份",
  },
  {
    name: "metric without a number",
    action: createProjectAction,
    as: "admin",
    values: project({ metricName_0: "年供热量", metricValue_0: "四十一", metricUnit_0: "万吨标煤" }),
    field: "metricValue_0",
    message: "指标数值须为非负数字，最多四位小数",
  },
  {
    name: "metric without a unit",
    action: createProjectAction,
    as: "admin",
    values: project({ metricName_0: "年供电量", metricValue_0: "13" }),
    field: "metricUnit_0",
    message: "请填写单位",
  },
  {
    name: "phone with letters",
    action: createProjectAction,
    as: "admin",
    values: project({ contactPhone: "call me" }),
    field: "contactPhone",
    message: "联系电话只能包含数字、空格、+、-、括号",
  },
  {
    name: "edit from a stale page",
    action: updateProjectAction,
    as: "admin",
    values: () => project({ code: "YQ2024-001", version: String(projectVersion + 3), totalInvestment: "330001", status: "UNDER_CONSTRUCTION", actualStartMonth: "2024-09" })(),
    field: null,
    message: "保存冲突：该项目在您打开页面之后已被他人修改",
  },
  {
    name: "edit of an unknown code",
    action: updateProjectAction,
    as: "admin",
    values: project({ code: "YQ2099-404", version: "1" }),
    field: null,
    message: "项目代码「YQ2099-404」不存在。",
  },
  {
    name: "planned cumulative decreasing",
    action: plannedInvestmentAction,
    as: "admin",
    values: () => ({ code: "YQ2024-001", version: String(projectVersion), year: "2025", "m_2025-01": "160000", "m_2025-02": "155000" }),
    field: "m_2025-02",
    message: "计划累计投资不能少于上月（1月 160000万元）",
  },
  {
    name: "funding plan negative",
    action: fundingPlanAction,
    as: "admin",
    values: () => ({ code: "YQ2024-001", version: String(projectVersion), plan_BANK_LOAN: "-100" }),
    field: "plan_BANK_LOAN",
    message: "银行贷款计划不能为负数",
  },
  {
    name: "funding plan in 亿元 words",
    action: fundingPlanAction,
    as: "admin",
    values: () => ({ code: "YQ2024-001", version: String(projectVersion), plan_FISCAL: "3亿" }),
    field: "plan_FISCAL",
    message: "财政资金计划须为数字（单位：万元），如 1200 或 1200.50",
  },
  {
    name: "funding plan with three decimals",
    action: fundingPlanAction,
    as: "admin",
    values: () => ({ code: "YQ2024-001", version: String(projectVersion), plan_OTHER: "1.005" }),
    field: "plan_OTHER",
    message: "其他计划最多保留两位小数（万元）",
  },
  {
    name: "planned cumulative negative",
    action: plannedInvestmentAction,
    as: "admin",
    values: () => ({ code: "YQ2024-001", version: String(projectVersion), year: "2025", "m_2025-03": "-1" }),
    field: "m_2025-03",
    message: "计划累计投资不能为负数",
  },

  // 用户
  { name: "username too short", action: createUserAction, as: "admin", values: user({ username: "ab" }), field: "username", message: "用户名至少3个字符" },
  {
    name: "username in Chinese",
    action: createUserAction,
    as: "admin",
    values: user({ username: "张三丰" }),
    field: "username",
    message: "用户名只能包含字母、数字、下划线、点和短横线",
  },
  { name: "username taken", action: createUserAction, as: "admin", values: user({ username: "admin" }), field: "username", message: "用户名「admin」已被使用" },
  { name: "password too short", action: createUserAction, as: "admin", values: user({ password: "ab12" }), field: "password", message: "密码至少12位" },
  { name: "password of 11 characters", action: createUserAction, as: "admin", values: user({ password: "abcd1234efg" }), field: "password", message: "密码至少12位" },
  { name: "password without digits", action: createUserAction, as: "admin", values: user({ password: "abcdefghijkl" }), field: "password", message: "密码须同时包含字母和数字" },
  { name: "password without letters", action: createUserAction, as: "admin", values: user({ password: "123456789012" }), field: "password", message: "密码须同时包含字母和数字" },
  {
    name: "no password to confirm the administrator",
    action: createUserAction,
    as: "admin",
    values: user({ reauthPassword: "" }),
    field: "reauthPassword",
    message: "请输入您的登录密码以确认身份",
  },
  {
    name: "wrong password to confirm the administrator",
    action: createUserAction,
    as: "admin",
    values: user({ reauthPassword: "demo2025" }),
    field: "reauthPassword",
    message: "密码不正确",
  },
  {
    name: "reset with a wrong administrator password",
    action: resetPasswordAction,
    as: "admin",
    values: () => ({ userId: String(a.dongkou.id), password: "Reset-by-office-1", reauthPassword: "demo2025" }),
    field: "reauthPassword",
    message: "密码不正确",
  },
  {
    name: "reset to a short password",
    action: resetPasswordAction,
    as: "admin",
    values: () => ({ userId: String(a.dongkou.id), password: "abc123", reauthPassword: "demo2024" }),
    field: "password",
    message: "密码至少12位",
  },
  {
    name: "role change without the administrator's password",
    action: updateUserAction,
    as: "admin",
    values: () => ({ userId: String(dongkouRow.id), stamp: dongkouRow.updatedAt.toISOString(), displayName: dongkouRow.displayName, role: "LEADER", parkId: "" }),
    field: "reauthPassword",
    message: "修改角色或县区园区须输入您的登录密码以确认身份",
  },
  {
    name: "re-open with a wrong administrator password",
    action: reopenPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-11", version: "1", reason: "更正会同县数据", reauthPassword: "demo2025" }),
    field: "reauthPassword",
    message: "密码不正确",
  },
  {
    name: "re-open without the administrator's password",
    action: reopenPeriodAction,
    as: "admin",
    values: () => ({ month: "2024-11", version: "1", reason: "更正会同县数据" }),
    field: "reauthPassword",
    message: "请输入您的登录密码以确认身份",
  },

  // 我的账号
  { name: "wrong current password", action: changePasswordAction, as: "huitong", values: own({ currentPassword: "demo2025" }), field: "currentPassword", message: "密码不正确" },
  { name: "no current password", action: changePasswordAction, as: "huitong", values: own({ currentPassword: "" }), field: "currentPassword", message: "请输入当前密码" },
  {
    name: "new password too short",
    action: changePasswordAction,
    as: "huitong",
    values: own({ newPassword: "Huitong2026", newPasswordAgain: "Huitong2026" }),
    field: "newPassword",
    message: "密码至少12位",
  },
  {
    name: "new password typed differently twice",
    action: changePasswordAction,
    as: "huitong",
    values: own({ newPasswordAgain: "Huitong-own-2027" }),
    field: "newPasswordAgain",
    message: "两次输入的新密码不一致",
  },
  {
    name: "new password the same as the current one",
    action: changePasswordAction,
    as: "huitong",
    values: own({ currentPassword: "Huitong-own-2026" }),
    field: "newPassword",
    message: "新密码不能与当前密码相同",
  },
  { name: "end a session: id not a session id", action: endSessionAction, as: "huitong", values: () => ({ sessionId: "1; DROP TABLE" }), field: "sessionId", message: "会话无效" },
  {
    name: "end a session that does not exist",
    action: endSessionAction,
    as: "huitong",
    values: () => ({ sessionId: "a".repeat(64) }),
    field: null,
    message: "该会话已结束或不存在",
  },
  { name: "county without park", action: createUserAction, as: "admin", values: user({ role: "COUNTY" }), field: "parkId", message: "县区填报员须绑定一个县区园区" },
  { name: "county with unknown park", action: createUserAction, as: "admin", values: user({ role: "COUNTY", parkId: "99999" }), field: "parkId", message: "县区园区不存在" },
  { name: "unknown role", action: createUserAction, as: "admin", values: user({ role: "ROOT" }), field: "role", message: "请选择角色" },
  { name: "empty name", action: createUserAction, as: "admin", values: user({ displayName: " " }), field: "displayName", message: "请填写姓名" },

  // 报告文字 (三、下一步工作计划)
  { name: "empty title", action: saveReportSectionAction, as: "admin", values: () => reportText({ title: " " }), field: "title", message: "请填写小标题" },
  { name: "empty text", action: saveReportSectionAction, as: "admin", values: () => reportText({ body: "" }), field: "body", message: "请填写正文" },
  { name: "text too long", action: saveReportSectionAction, as: "admin", values: () => reportText({ body: long(5001) }), field: "body", message: "正文不能超过5000个字" },
  {
    name: "unknown placeholder",
    action: saveReportSectionAction,
    as: "admin",
    values: () => reportText({ body: "实施重大项目{项目数}个" }),
    field: "body",
    message: "未知的占位符：{项目数}；可用的占位符：{年度}、{项目个数}",
  },
  {
    name: "markup in the text",
    action: saveReportSectionAction,
    as: "admin",
    values: () => reportText({ body: "<script>alert(1)</script>" }),
    field: "body",
    message: "正文不能包含网页标签",
  },
  { name: "unknown section kind", action: saveReportSectionAction, as: "admin", values: () => reportText({ key: "summary" }), field: "key", message: "段落类别无效" },
  {
    name: "edit from a stale page",
    action: saveReportSectionAction,
    as: "admin",
    values: () => reportText({ version: String(textSection.version + 1), body: "新的文字" }),
    field: null,
    message: "保存冲突：该段落在您打开页面之后已被他人修改",
  },
  {
    name: "a paragraph of another year",
    action: saveReportSectionAction,
    as: "admin",
    values: () => reportText({ year: "2023", body: "新的文字" }),
    field: null,
    message: "该段落不存在或已被删除",
  },
  { name: "nothing changed", action: saveReportSectionAction, as: "admin", values: () => reportText(), field: null, message: "没有修改，未保存。" },
  {
    name: "new paragraph for a year without a plan",
    action: saveReportSectionAction,
    as: "admin",
    values: () => reportText({ id: "", year: "2031", body: "新的文字" }),
    field: null,
    message: "2031年的年度计划不存在。",
  },
  // Excel import: the upload's month and file, the apply's batch
  { name: "import: month 2024-13", action: uploadImportAction, as: "huitong", values: () => ({ month: "2024-13" }), field: "month", message: "请选择填报月份（年-月）" },
  {
    name: "import: month with a control character",
    action: uploadImportAction,
    as: "huitong",
    values: () => ({ month: "2024-12\u0000" }),
    field: "month",
    message: "不可见的控制字符",
  },
  { name: "import: no file", action: uploadImportAction, as: "huitong", values: () => ({ month: "2024-12" }), field: "file", message: "请选择文件" },
  { name: "import: a future month", action: uploadImportAction, as: "huitong", values: () => ({ month: future() }), field: null, message: "请选择要上传的 Excel 文件" },
  { name: "import apply: batch id not a number", action: applyImportAction, as: "huitong", values: () => ({ batchId: "abc" }), field: "batchId", message: "导入批次无效" },
  { name: "import apply: no such batch", action: applyImportAction, as: "huitong", values: () => ({ batchId: "999999" }), field: null, message: "没有这次导入" },
];

function reportText(over: Record<string, string> = {}): Record<string, string> {
  return { year: "2024", key: "next-steps", id: String(textSection.id), version: String(textSection.version), title: textSection.title, body: textSection.body, ...over };
}

beforeAll(async () => {
  t = await createTestDatabase("seeded");
  a = await actorsOf(t.prisma);
  h.prisma = t.prisma;
  tokens.huitong = await sessionToken(t.prisma, a.huitong);
  tokens.admin = await sessionToken(t.prisma, a.admin);
  const created = await createIssue(
    t.prisma,
    a.huitong,
    createIssueSchema.parse({ projectCode: "YQ2024-001", category: "FACTOR", subCategory: "LAND", title: "厂房用地未交付", description: "二期用地尚未完成征拆" }),
  );
  issue = { id: created.id, version: created.version };
  working = await issueAt(t.prisma, a, "IN_PROGRESS");
  reported = await issueAt(t.prisma, a, "FEEDBACK");
  projectVersion = (await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-001" } })).version;
  approvedNovember = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, month: "2024-11", status: "APPROVED" } });
  textSection = await t.prisma.reportSection.findFirstOrThrow({ where: { key: "next-steps" }, orderBy: { sortOrder: "asc" } });
  dongkouRow = await t.prisma.user.findUniqueOrThrow({ where: { username: "dongkou" } });
  await producingProject(t.prisma, a.huitong.parkId!);
});
afterAll(async () => t?.drop());

describe(`bad input: ${cases.length} cases, each with its message and nothing changed`, () => {
  it("has at least forty cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(`${c.action.name}: ${c.name} → ${c.message}`, async () => {
      h.token = tokens[c.as];
      const before = await fingerprint(t.prisma);
      const state = await c.action(initialActionState, formData(c.values()));
      expect(state.ok).toBe(false);
      if (c.field === null) {
        expect(state.message).toContain(c.message);
      } else {
        expect(state.fieldErrors?.[c.field]?.join("；"), JSON.stringify(state)).toContain(c.message);
      }
      // what was typed comes back to the form (never the password)
      expect(state.values).toBeDefined();
      expect(Object.keys(state.values ?? {}).filter((k) => /password/i.test(k))).toEqual([]);
      expect(await fingerprint(t.prisma)).toBe(before);
    });
  }

  it("an upload: an empty file, a file of the wrong kind, a future month each get their message, nothing stored", async () => {
    h.token = tokens.huitong;
    const upload = (month: string, name: string, bytes: Uint8Array<ArrayBuffer>) => {
      const fd = formData({ month });
      fd.append("file", new File([bytes], name));
      return uploadImportAction(initialActionState, fd);
    };
    const before = await fingerprint(t.prisma);
    expect(await upload("2024-12", "a.xlsx", new Uint8Array())).toMatchObject({ ok: false, message: "文件是空的（0 字节）。" });
    expect((await upload("2024-12", "a.pdf", new TextEncoder().encode("%PDF-1.4"))).message).toMatch(/^不是 Excel 工作簿/);
    expect((await upload(future(), "a.xlsx", new TextEncoder().encode("PK"))).message).toMatch(/填报月份无效：不能晚于本月/);
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  it("the valid versions of these forms do save (so the cases above fail only for their bad field)", async () => {
    h.token = tokens.huitong;
    expect(await saveReportAction(initialActionState, formData(report()()))).toMatchObject({ ok: true });
    expect(await saveBenefitAction(initialActionState, formData(benefits()()))).toMatchObject({ ok: true });
    expect(await createIssueAction(initialActionState, formData(newIssue()()))).toMatchObject({ ok: true });
    expect(await feedbackIssueAction(initialActionState, formData({ ...working, feedback: "已办结" }))).toMatchObject({ ok: true });
    h.token = tokens.admin;
    expect(await reviewIssueAction(initialActionState, formData({ ...reported, decision: "return", comment: "请补充材料" }))).toMatchObject({ ok: true });
    expect(
      await createProjectAction(initialActionState, formData(project({ metricName_0: "年供热量", metricQualifier_0: "约", metricValue_0: "41", metricUnit_0: "万吨标煤" })())),
    ).toMatchObject({ ok: true });
    expect(await createUserAction(initialActionState, formData(user()()))).toMatchObject({ ok: true });
    expect(await saveReportSectionAction(initialActionState, formData(reportText({ body: `${textSection.body}加强{要素保障}等要素保障。` })))).toMatchObject({ ok: true });
    expect(await resetPasswordAction(initialActionState, formData({ userId: String(a.dongkou.id), password: "Reset-by-office-1", reauthPassword: "demo2024" }))).toMatchObject({
      ok: true,
    });
    h.token = tokens.huitong;
    expect(await changePasswordAction(initialActionState, formData(own()()))).toMatchObject({ ok: true });
    const metric = await t.prisma.projectMetric.findFirstOrThrow({ where: { project: { code: "YQ2024-099" } } });
    expect([metric.name, metric.qualifier, metric.value.toString(), metric.unit]).toEqual(["年供热量", "约", "41", "万吨标煤"]);
  });
});
