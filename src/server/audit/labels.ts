// The audit log in the words of the people who read it: Chinese names for every entity, field and
// enum value the code writes, values formatted as the rest of the app shows them (万元, 2024年11月,
// — for nothing), and a before → after diff of only the fields that changed. Pure: the page, the
// CSV export and the tests all use it. tests/unit/audit-labels.test.ts fails on any key the code
// writes without a label here.
import { formatWan } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { CORRECTION_STATUS_LABEL, PERIOD_STATUS_LABEL } from "@/domain/periods";
import { subCategoryLabel } from "@/domain/issue-categories";
import { FUNDING_SOURCE_LABEL } from "@/domain/funding-sources";
import { ISSUE_CATEGORY_LABEL, ISSUE_STATUS_LABEL, MILESTONE_KIND_LABEL, PROGRESS_STAGE_LABEL, PROJECT_STATUS_LABEL, REPORT_STATUS_LABEL, ROLE_LABEL } from "@/lib/labels";

export const AUDIT_ENTITY_LABEL = {
  Project: "项目",
  MonthlyReport: "月度调度",
  BenefitReport: "效益填报",
  AnnualPlan: "年度计划",
  Issue: "问题",
  User: "用户",
  ReportingPeriod: "调度期",
  CorrectionRequest: "更正申请",
  Dataset: "数据导入",
  ImportBatch: "调度表导入",
  LoginAttempt: "登录尝试",
  Session: "登录会话",
  ReportSection: "报告段落",
  AuditLog: "操作日志",
  AuditSettings: "操作日志设置",
} as const;

export type AuditEntity = keyof typeof AUDIT_ENTITY_LABEL;

/** An entity's Chinese name (an unknown one, from an older version, shows as it is). */
export function auditEntityLabel(entity: string): string {
  return (AUDIT_ENTITY_LABEL as Record<string, string>)[entity] ?? entity;
}

/**
 * How a field's value reads: money in 万元, a month "YYYY-MM", a day "YYYY-MM-DD", a status of
 * the entry's entity, an enum with its own labels, a yes/no flag, a count, a park or project by
 * id, a map of month → amount (倒排工期), a map of project code → amount (年度清单), a milestone's
 * planned/actual days, a list, or plain text.
 */
type FieldKind =
  | "money"
  | "month"
  | "day"
  | "status"
  | "role"
  | "category"
  | "subCategory"
  | "stage"
  | "fundingSource"
  | "bool"
  | "atLeast"
  | "count"
  | "park"
  | "project"
  | "revision"
  | "publication"
  | "monthMoney"
  | "codeMoney"
  | "milestone"
  | "list"
  | "text"
  | "seconds";

export const AUDIT_FIELDS = {
  // projects
  code: { label: "项目代码", kind: "text" },
  name: { label: "项目名称", kind: "text" },
  parkId: { label: "县区园区", kind: "park" },
  enterprise: { label: "建设单位", kind: "text" },
  industry: { label: "产业类别", kind: "text" },
  level: { label: "项目级别", kind: "text" },
  totalInvestment: { label: "总投资（万元）", kind: "money" },
  plannedStartMonth: { label: "计划开工月份", kind: "month" },
  actualStartMonth: { label: "实际开工月份", kind: "month" },
  plannedProductionMonth: { label: "计划投产月份", kind: "month" },
  actualProductionMonth: { label: "实际投产月份", kind: "month" },
  status: { label: "状态", kind: "status" },
  constructionContent: { label: "建设内容", kind: "text" },
  expectedOutput: { label: "预计年产值（万元）", kind: "money" },
  expectedOutputAtLeast: { label: "预计年产值为“以上”", kind: "atLeast" },
  expectedJobs: { label: "年新增就业人数", kind: "count" },
  expectedJobsAtLeast: { label: "年新增就业人数为“以上”", kind: "atLeast" },
  expectedTax: { label: "预计年税收（万元）", kind: "money" },
  expectedTaxAtLeast: { label: "预计年税收为“以上”", kind: "atLeast" },
  responsibleLeader: { label: "包保领导", kind: "text" },
  contactName: { label: "联系人", kind: "text" },
  contactPhone: { label: "联系电话", kind: "text" },
  version: { label: "版本号", kind: "count" },
  metrics: { label: "效益指标", kind: "list" },
  // 倒排工期 and node milestones
  year: { label: "年度", kind: "count" },
  months: { label: "计划累计投资（万元）", kind: "monthMoney" },
  [MILESTONE_KIND_LABEL.LAND]: { label: "节点：土地摘牌", kind: "milestone" },
  [MILESTONE_KIND_LABEL.PLANNING_PERMIT]: { label: "节点：规划许可", kind: "milestone" },
  [MILESTONE_KIND_LABEL.CONSTRUCTION_PERMIT]: { label: "节点：施工许可", kind: "milestone" },
  [MILESTONE_KIND_LABEL.START]: { label: "节点：开工", kind: "milestone" },
  [MILESTONE_KIND_LABEL.MAIN_STRUCTURE]: { label: "节点：主体完工", kind: "milestone" },
  [MILESTONE_KIND_LABEL.EQUIPMENT]: { label: "节点：设备安装", kind: "milestone" },
  [MILESTONE_KIND_LABEL.PRODUCTION]: { label: "节点：投产", kind: "milestone" },
  [MILESTONE_KIND_LABEL.STATS_ENTRY]: { label: "节点：入库", kind: "milestone" },
  [MILESTONE_KIND_LABEL.COMPLETION]: { label: "节点：竣工", kind: "milestone" },
  [MILESTONE_KIND_LABEL.FULL_PRODUCTION]: { label: "节点：达产", kind: "milestone" },
  [MILESTONE_KIND_LABEL.OTHER]: { label: "节点：其他", kind: "milestone" },
  // node records and 入库/纳统
  node: { label: "节点", kind: "text" },
  actualDate: { label: "实际完成日期", kind: "day" },
  evidence: { label: "佐证材料", kind: "text" },
  statsEnteredMonth: { label: "入库月份", kind: "month" },
  statsCumulative: { label: "入统累计投资（万元）", kind: "money" },
  // annual plans
  title: { label: "标题", kind: "text" },
  declaredProjectCount: { label: "计划项目个数", kind: "count" },
  declaredTotalInvestment: { label: "计划总投资（万元）", kind: "money" },
  declaredAnnualInvestment: { label: "年度计划投资（万元）", kind: "money" },
  startDeadline: { label: "开工目标截止日", kind: "day" },
  startTargetLabel: { label: "开工目标", kind: "text" },
  productionDeadline: { label: "投产目标截止日", kind: "day" },
  productionTargetLabel: { label: "投产目标", kind: "text" },
  targetText: { label: "目标任务", kind: "text" },
  entries: { label: "年度清单：年度计划投资（万元）", kind: "codeMoney" },
  // monthly reports
  project: { label: "项目", kind: "text" },
  month: { label: "月份", kind: "month" },
  revisionNo: { label: "填报版本", kind: "count" },
  monthInvestment: { label: "本月完成投资（万元）", kind: "money" },
  cumulativeInvestment: { label: "累计完成投资（万元）", kind: "money" },
  progressText: { label: "形象进度", kind: "text" },
  progressStage: { label: "形象进度阶段", kind: "stage" },
  explanation: { label: "说明", kind: "text" },
  currentRevisionId: { label: "当前填报版本", kind: "revision" },
  approvedRevisionId: { label: "审核通过的版本", kind: "revision" },
  returnReason: { label: "退回原因", kind: "text" },
  verification: { label: "核实说明", kind: "text" },
  photos: { label: "形象进度照片（张）", kind: "count" },
  // benefit reports (达产与效益)
  period: { label: "效益期间", kind: "text" },
  output: { label: "产值（万元）", kind: "money" },
  tax: { label: "税收（万元）", kind: "money" },
  jobs: { label: "新增就业（人）", kind: "count" },
  approvedRevisionNo: { label: "审核通过的版本号", kind: "count" },
  // 资金到位 (src/domain/funding.ts): cumulative money in place by source on a report, the plan by source
  fundsFiscal: { label: "财政资金累计到位（万元）", kind: "money" },
  fundsBond: { label: "地方政府专项债券累计到位（万元）", kind: "money" },
  fundsBank: { label: "银行贷款累计到位（万元）", kind: "money" },
  fundsSelf: { label: "企业自筹累计到位（万元）", kind: "money" },
  fundsOther: { label: "其他资金累计到位（万元）", kind: "money" },
  planFiscal: { label: "资金计划：财政资金（万元）", kind: "money" },
  planBond: { label: "资金计划：地方政府专项债券（万元）", kind: "money" },
  planBank: { label: "资金计划：银行贷款（万元）", kind: "money" },
  planSelf: { label: "资金计划：企业自筹（万元）", kind: "money" },
  planOther: { label: "资金计划：其他（万元）", kind: "money" },
  fundingSource: { label: "资金来源", kind: "fundingSource" },
  fundingGap: { label: "资金缺口（万元）", kind: "money" },
  // issues
  projectId: { label: "所属项目", kind: "project" },
  category: { label: "问题类别", kind: "category" },
  subCategory: { label: "问题细类", kind: "subCategory" },
  description: { label: "问题描述", kind: "text" },
  responsibleUnit: { label: "责任单位", kind: "text" },
  raisedDate: { label: "提出日期", kind: "day" },
  dueDate: { label: "办结时限", kind: "day" },
  resolution: { label: "办结情况", kind: "text" },
  closedDate: { label: "办结日期", kind: "day" },
  progress: { label: "进展情况", kind: "text" },
  assignedDate: { label: "交办日期", kind: "day" },
  acknowledgedDate: { label: "签收日期", kind: "day" },
  feedbackDate: { label: "反馈日期", kind: "day" },
  feedback: { label: "办理结果（反馈）", kind: "text" },
  reviewComment: { label: "复核意见", kind: "text" },
  // periods
  deadline: { label: "截止日期", kind: "day" },
  currentPublicationId: { label: "当前发布", kind: "publication" },
  publicationId: { label: "发布记录", kind: "publication" },
  publicationNo: { label: "发布期次", kind: "count" },
  projects: { label: "项目个数", kind: "count" },
  reopenReason: { label: "重新开放原因", kind: "text" },
  reason: { label: "原因", kind: "text" },
  note: { label: "备注", kind: "text" },
  leftReturned: { label: "发布时退回的项目（按未报处理）", kind: "count" },
  leftDraft: { label: "发布时草稿的项目（按未报处理）", kind: "count" },
  leftMissing: { label: "发布时未报的项目", kind: "count" },
  leftCorrections: { label: "发布时更正未提交的项目（按原审核数据）", kind: "count" },
  qualityFlags: { label: "数据质量提示（条）", kind: "count" },
  // 申请更正
  reply: { label: "园区答复", kind: "text" },
  // users and sign-in
  username: { label: "用户名", kind: "text" },
  displayName: { label: "姓名", kind: "text" },
  role: { label: "角色", kind: "role" },
  active: { label: "账号启用", kind: "bool" },
  sessionsEnded: { label: "结束的登录会话", kind: "count" },
  passwordChanged: { label: "密码已重置", kind: "bool" },
  mustChangePassword: { label: "登录后须修改密码", kind: "bool" },
  signedInAt: { label: "登录时间", kind: "text" },
  browser: { label: "浏览器", kind: "text" },
  address: { label: "来源地址", kind: "text" },
  failures: { label: "失败次数", kind: "count" },
  waitSeconds: { label: "暂缓登录", kind: "seconds" },
  userNames: { label: "尝试的用户名个数", kind: "count" },
  blockSeconds: { label: "封禁时长", kind: "seconds" },
  clearedFailures: { label: "清除的失败记录", kind: "count" },
  // Excel import of a 调度表
  fileName: { label: "文件名", kind: "text" },
  sha256: { label: "文件SHA-256", kind: "text" },
  fileBytes: { label: "文件大小（字节）", kind: "count" },
  changeCount: { label: "导入的月报个数", kind: "count" },
  codes: { label: "项目代码", kind: "list" },
  batchStatus: { label: "导入状态", kind: "text" },
  // data imports (seed): how many rows of each kind were created
  annualPlan: { label: "年度计划", kind: "count" },
  annualPlanEntry: { label: "年度清单项目", kind: "count" },
  issue: { label: "问题", kind: "count" },
  milestone: { label: "节点目标", kind: "count" },
  monthlyReport: { label: "月度调度", kind: "count" },
  park: { label: "县区园区", kind: "count" },
  plannedInvestment: { label: "倒排工期月份", kind: "count" },
  fundingPlan: { label: "资金计划（按来源）", kind: "count" },
  reportSection: { label: "报告段落", kind: "count" },
  demoDate: { label: "演示日期（记录）", kind: "count" },
  benefitPromise: { label: "承诺效益（演示项目）", kind: "count" },
  benefitReport: { label: "效益填报", kind: "count" },
  // the audit log's own retention and purge (npm run audit:retention / audit:purge)
  retentionDays: { label: "保存期限（天）", kind: "count" },
  operator: { label: "服务器上的操作账号", kind: "text" },
  purgedBefore: { label: "清理此日之前的记录", kind: "day" },
  deleted: { label: "删除的记录条数", kind: "count" },
  // the generated report's stored text
  section: { label: "所属部分", kind: "text" },
  body: { label: "正文", kind: "text" },
  sortOrder: { label: "顺序", kind: "count" },
} as const satisfies Record<string, { label: string; kind: FieldKind }>;

export type AuditField = keyof typeof AUDIT_FIELDS;

/**
 * 问题类别 as the log stores it: today's three, and the five one-level categories entries written
 * before migration 20261206163000 still hold.
 */
const AUDIT_CATEGORY_LABEL: Record<string, string> = { ...ISSUE_CATEGORY_LABEL, LAND: "土地", ENERGY: "能源", ENVIRONMENT: "环保", WATER_POWER: "用水用电", APPROVAL: "审批" };

/** Every enum value the log stores, with its label (statuses of projects, reports, issues, periods; roles; categories). */
export const AUDIT_ENUM_LABELS: Record<string, Record<string, string>> = {
  Project: PROJECT_STATUS_LABEL,
  MonthlyReport: REPORT_STATUS_LABEL,
  BenefitReport: REPORT_STATUS_LABEL,
  Issue: ISSUE_STATUS_LABEL,
  ReportingPeriod: PERIOD_STATUS_LABEL,
  CorrectionRequest: CORRECTION_STATUS_LABEL,
  role: ROLE_LABEL,
  category: AUDIT_CATEGORY_LABEL,
  stage: PROGRESS_STAGE_LABEL,
  fundingSource: FUNDING_SOURCE_LABEL,
};

/**
 * What the formatter needs beyond the entry: park and project names by id, a revision's 第N版 by
 * its id, a publication's month and 第N次发布 by its id (internal ids are never shown).
 */
export type AuditContext = {
  parks?: ReadonlyMap<number, string>;
  projects?: ReadonlyMap<number, string>;
  revisions?: ReadonlyMap<number, number>;
  publications?: ReadonlyMap<number, { month: string; publicationNo: number }>;
};

export const NONE = "—";

/** The label of a field: `months`, `entries` and other maps have their own rows per key. */
export function auditFieldLabel(field: string): string {
  return (AUDIT_FIELDS as Record<string, { label: string }>)[field]?.label ?? field;
}

function kindOf(field: string): FieldKind {
  return (AUDIT_FIELDS as Record<string, { kind: FieldKind }>)[field]?.kind ?? "text";
}

const isMonthText = (v: unknown): v is string => typeof v === "string" && /^[0-9]{4}-[0-9]{2}$/.test(v);
const isDayText = (v: unknown): v is string => typeof v === "string" && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v);
const isAmount = (v: unknown) => (typeof v === "string" && /^-?[0-9]+(\.[0-9]+)?$/.test(v)) || typeof v === "number";

function formatDayText(day: string): string {
  const [y, m, d] = day.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function plain(v: unknown): string {
  if (v === null || v === undefined || v === "") return NONE;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.length ? v.map(plain).join("；") : NONE;
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${auditFieldLabel(k)}：${plain(x)}`)
    .join("，");
}

/** One value as a reader sees it: 1,234.5万元, 2024年11月, 在建, 是, — … */
export function formatAuditValue(field: string, value: unknown, entity: string, ctx: AuditContext = {}): string {
  if (value === null || value === undefined || value === "") return NONE;
  switch (kindOf(field)) {
    case "money":
      return isAmount(value) ? formatWan(String(value)) : plain(value);
    case "month":
      return isMonthText(value) ? formatMonth(value) : plain(value);
    case "day":
      return isDayText(value) ? formatDayText(value) : plain(value);
    case "status":
      return AUDIT_ENUM_LABELS[entity]?.[String(value)] ?? enumAnywhere(String(value));
    case "role":
      return ROLE_LABEL[value as keyof typeof ROLE_LABEL] ?? plain(value);
    case "category":
      return AUDIT_CATEGORY_LABEL[String(value)] ?? plain(value);
    case "stage":
      return (PROGRESS_STAGE_LABEL as Record<string, string>)[String(value)] ?? plain(value);
    case "fundingSource":
      return (FUNDING_SOURCE_LABEL as Record<string, string>)[String(value)] ?? plain(value);
    case "subCategory":
      // a code since migration 20261206163000; free text in older entries
      return typeof value === "string" ? subCategoryLabel(value) || NONE : plain(value);
    case "bool":
      return value === true ? "是" : value === false ? "否" : plain(value);
    case "atLeast":
      return value === true ? "是（以上）" : value === false ? "否" : plain(value);
    case "seconds":
      return typeof value === "number" ? formatSeconds(value) : plain(value);
    case "park":
      return ctx.parks?.get(Number(value)) ?? `园区 #${plain(value)}`;
    case "project":
      return ctx.projects?.get(Number(value)) ?? `项目 #${plain(value)}`;
    case "revision": {
      const no = ctx.revisions?.get(Number(value));
      return no === undefined ? "（版本已不存在）" : `第${no}版`;
    }
    case "publication": {
      const pub = ctx.publications?.get(Number(value));
      return pub === undefined ? "（发布记录已不存在）" : `${formatMonth(pub.month)}第${pub.publicationNo}次发布`;
    }
    case "milestone": {
      const m = value as { planned?: string | null; actual?: string | null };
      const d = (x: string | null | undefined) => (isDayText(x) ? formatDayText(x) : NONE);
      const n = value as { unit?: string | null; person?: string | null; evidence?: string | null };
      const owner = [n.unit, n.person].filter(Boolean).join(" ");
      return `计划 ${d(m.planned)}，实际 ${d(m.actual)}${owner ? `，责任 ${owner}` : ""}${n.evidence ? `，佐证 ${n.evidence}` : ""}`;
    }
    default:
      return plain(value);
  }
}

/** A status seen without its entity (e.g. an older entry): the first enum that knows it. */
function enumAnywhere(value: string): string {
  for (const labels of Object.values(AUDIT_ENUM_LABELS)) if (labels[value]) return labels[value];
  return value;
}

function formatSeconds(s: number): string {
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600}小时`;
  if (s >= 60 && s % 60 === 0) return `${s / 60}分钟`;
  return `${s}秒`;
}

export type DiffRow = { field: string; label: string; before: string; after: string };

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an entry changed, each as label / before / after. Maps (倒排工期 months, the plan's
 * list) give one row per changed key (2024年3月, a project code). A field that is absent on one
 * side reads —. For an entry with nothing before (a creation, a sign-in block) every recorded
 * field is listed. The version number is bookkeeping and not shown.
 */
export function auditDiff(entity: string, before: unknown, after: unknown, ctx: AuditContext = {}): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const rows: DiffRow[] = [];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "version");
  for (const k of keys) {
    if (same(b[k], a[k])) continue;
    const kind = kindOf(k);
    if (kind === "monthMoney" || kind === "codeMoney") {
      const bm = asRecord(b[k]);
      const am = asRecord(a[k]);
      const sub = [...new Set([...Object.keys(bm), ...Object.keys(am)])].sort();
      for (const s of sub) {
        if (same(bm[s], am[s]) && s in bm === s in am) continue;
        const label = `${auditFieldLabel(k)} ${kind === "monthMoney" && isMonthText(s) ? formatMonth(s) : s}`;
        const show = (m: Record<string, unknown>) =>
          !(s in m) ? (kind === "codeMoney" ? "不在清单" : NONE) : m[s] === null ? (kind === "codeMoney" ? "在清单（未填）" : NONE) : formatWan(String(m[s]));
        rows.push({ field: `${k}.${s}`, label, before: show(bm), after: show(am) });
      }
      continue;
    }
    rows.push({ field: k, label: auditFieldLabel(k), before: formatAuditValue(k, b[k], entity, ctx), after: formatAuditValue(k, a[k], entity, ctx) });
  }
  return rows;
}

/** Loopback addresses are this machine (本机); any other address shows as it is; none is —. */
export function auditIpLabel(ip: string | null | undefined): string {
  if (!ip) return NONE;
  const v = ip.trim().toLowerCase();
  if (v === "::1" || v === "::ffff:127.0.0.1" || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(v) || v === "localhost") return "本机";
  return ip;
}

/** Who did it: the user's name (and username), "系统" for seeds and migrations, else the recorded username. */
export function auditActorLabel(actor: string, user: { displayName: string; username: string } | null | undefined): string {
  if (user) return user.displayName && user.displayName !== user.username ? `${user.displayName}（${user.username}）` : user.username;
  if (actor === "system") return "系统";
  return actor;
}

/** Which thing an entry is about, in words: 项目 YQ2024-001 某某项目, 调度期 2024年11月, 用户 张三 … */
export function auditSubjectLabel(entity: string, entityId: string, name?: string | null): string {
  const what = auditEntityLabel(entity);
  switch (entity) {
    case "AnnualPlan":
      return /^[0-9]{4}$/.test(entityId) ? `${what} ${entityId}年` : `${what} ${entityId}`;
    case "ReportingPeriod":
      return isMonthText(entityId) ? `${what} ${formatMonth(entityId)}` : `${what} ${entityId}`;
    case "AuditLog":
      return isDayText(entityId) ? `${what}（${formatDayText(entityId)}之前）` : `${what} ${entityId}`;
    case "AuditSettings":
      return what;
    case "Dataset":
      return `${what} ${entityId === "demo" ? "演示数据" : entityId.startsWith("report-") ? `${entityId.slice(7)}年调度报告` : entityId}`;
    case "Project":
      return name ? `${what} ${entityId} ${name}` : `${what} ${entityId}`;
    default:
      return name ? `${what} ${name}` : /^[0-9]+$/.test(entityId) ? `${what} #${entityId}` : `${what} ${entityId}`;
  }
}

/**
 * What an entry about to be written would show untranslated: an entity, a top-level field of
 * before/after, or a status/role/category value without a Chinese label. Empty when all is
 * labelled. The tests run every writeAudit call through this (tests/helpers/audit-label-guard.ts).
 */
export function auditLabelProblems(entry: { entity: string; before?: unknown; after?: unknown }): string[] {
  const problems: string[] = [];
  if (!(entry.entity in AUDIT_ENTITY_LABEL)) problems.push(`entity ${entry.entity}`);
  for (const side of [entry.before, entry.after]) {
    for (const [k, v] of Object.entries(asRecord(side))) {
      if (!(k in AUDIT_FIELDS)) problems.push(`field ${k}`);
      if (v === null || v === undefined) continue;
      const kind = kindOf(k);
      const labels =
        kind === "status"
          ? AUDIT_ENUM_LABELS[entry.entity]
          : kind === "role" || kind === "category" || kind === "stage" || kind === "fundingSource"
            ? AUDIT_ENUM_LABELS[kind]
            : null;
      if ((kind === "status" && !labels) || (labels && !(String(v) in labels))) problems.push(`${k} value ${String(v)} of ${entry.entity}`);
    }
  }
  return [...new Set(problems)];
}
