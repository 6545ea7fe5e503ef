// The synthetic benchmark dataset (npm run db:synth): a deterministic function of (scale, seed,
// end month). Rows are built column by column with explicit ids, so the loader can send each
// table in a few multi-row INSERT … SELECT FROM unnest(…) statements.
//
// Money is generated as integer hundredths of 万元 and written as exact decimal strings; the
// counted (approved) revisions of a project form a consistent chain: cumulative = previous
// approved cumulative + this month's investment. Revisions that do not count (drafts, returned
// ones, corrections awaiting review) are computed from the same previous approved cumulative.
//
// So that publishing's 数据质量 checks (src/domain/data-quality.ts) do real work, about 2% of
// project-months jump (本月 six times its usual amount; approved with a 核实说明) and about 3% of
// revisions carry one of a few shared site photos (the same photo in several projects' and months'
// reports); the 形象进度 text is drawn from a short list, so it often repeats last month's.
import { addMonths, monthRange } from "@/lib/month";
import { ISSUE_SUBCATEGORIES } from "@/domain/issue-categories";

export type SynthOptions = {
  /** 1 = 50 projects, 100 = 5,000 projects; fractions allowed (0.1 = 5 projects) */
  scale: number;
  seed?: number;
  /** the newest month, the one whose period is still open */
  endMonth?: string;
  /** months of reports (default 12 below scale 10, 24 below scale 100, 36 from 100) */
  months?: number;
};

export const DEFAULT_SEED = 20241130;
/** bump when the generator changes: a dataset of another version is rebuilt */
export const SYNTH_VERSION = 5;
export const DEFAULT_END_MONTH = "2026-11";
export const SYNTH_PASSWORD = "bench2024";

/** a column's PostgreSQL type; "text[]" columns are sent as array literals ("{a,b}") */
export type SqlType = "int" | "numeric" | "text" | "bool" | "date" | "timestamptz" | "bytea" | "text[]" | `"${string}"`;
export type Table = { name: string; columns: Array<[string, SqlType]>; rows: unknown[][] };

/** mulberry32: small, fast, good enough for test data, identical on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** an independent stream per (seed, stream, index), so one part of the data never shifts another */
function stream(seed: number, kind: number, index: number): () => number {
  const r = prng((seed ^ Math.imul(kind + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  r();
  return r;
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** integer hundredths of 万元 → "1234.56" */
export function money(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`bad amount ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

function day(month: string, d: number): string {
  return `${month}-${String(d).padStart(2, "0")}`;
}

function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** an instant in China time (UTC+8) on a day of `month` */
function at(month: string, d: number, hour: number): string {
  return `${day(month, d)}T${String(hour).padStart(2, "0")}:00:00+08:00`;
}

const INDUSTRIES = ["新能源", "新材料", "装备制造", "电子信息", "生物医药", "食品加工", "现代物流", "绿色化工"] as const;
const PRODUCTS = ["锂电池正极材料", "光伏组件", "智能装备", "电子元器件", "中药饮片", "农产品深加工", "冷链仓储", "精细化学品", "风电塔筒", "新型建材"];
const PROGRESS = ["主体结构施工中", "厂房封顶，设备基础施工", "设备安装调试", "场地平整完成，桩基施工", "钢结构吊装", "配套管网施工", "试生产", "已投产运营"];
/** the ledger's sub-categories an office adds issues under (the seed report's own sub-problems hold its stored text) */
const SUBCATEGORIES = ISSUE_SUBCATEGORIES.filter((c) => !c.fromReport);
const UNITS = ["县发改局", "县自然资源局", "县住建局", "县生态环境分局", "县供电公司", "园区管委会", "县财政局"];
const LEADERS = ["张副县长", "李副县长", "王主任", "刘副主任", "陈书记"];
/** the shared site photos (a real 8×6 JPEG; each gets its own content address) */
const SHARED_PHOTOS = 25;
const PHOTO_JPEG = Buffer.from(
  "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwT/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCQAkT/2Q==",
  "base64",
);
/** the 核实说明 the office gives when it approves a jump */
const JUMP_NOTE = "已核实：本月集中支付设备款，附付款凭证";

export type SynthPlan = {
  scale: number;
  seed: number;
  projects: number;
  parks: number;
  months: string[];
  openMonth: string;
  issues: number;
};

export function synthPlan(options: SynthOptions): SynthPlan {
  const scale = options.scale;
  if (!(scale > 0) || scale > 1000) throw new Error("scale 须为 0 到 1000 之间的数");
  const projects = Math.max(1, Math.round(50 * scale));
  const parks = Math.min(projects, Math.max(Math.round(scale), Math.min(4, projects)));
  const nMonths = options.months ?? (scale >= 100 ? 36 : scale >= 10 ? 24 : 12);
  const end = options.endMonth ?? DEFAULT_END_MONTH;
  const months = monthRange(addMonths(end, -(nMonths - 1)), end);
  return { scale, seed: options.seed ?? DEFAULT_SEED, projects, parks, months, openMonth: end, issues: 4 * projects };
}

export type SynthData = {
  plan: SynthPlan;
  tables: Table[];
  /** MonthlyReport id → [currentRevisionId, approvedRevisionId] */
  reportPointers: { id: number[]; current: number[]; approved: Array<number | null> };
  adminUserId: number;
};

type Status = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

/**
 * Builds every row. `passwordHash` is the (one) hash of SYNTH_PASSWORD all accounts share.
 */
export function generate(options: SynthOptions, passwordHash: string): SynthData {
  const plan = synthPlan(options);
  const { seed, months, openMonth } = plan;
  const M = months.length;
  const first = months[0];
  const created = at(first, 1, 9);

  const parks: Table = {
    name: "Park",
    columns: [
      ["id", "int"],
      ["name", "text"],
      ["county", "text"],
      ["sortOrder", "int"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    rows: [],
  };
  for (let k = 0; k < plan.parks; k++) {
    const n = String(k + 1).padStart(3, "0");
    parks.rows.push([k + 1, `基准${n}县园区`, `基准${n}县`, k + 1, created, created]);
  }

  const users: Table = {
    name: "User",
    columns: [
      ["id", "int"],
      ["username", "text"],
      ["displayName", "text"],
      ["passwordHash", "text"],
      ["role", '"Role"'],
      ["parkId", "int"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    rows: [
      [1, "bench-admin", "园区管理员（基准数据）", passwordHash, "ADMIN", null, created, created],
      [2, "bench-leader", "园区领导（基准数据）", passwordHash, "LEADER", null, created, created],
    ],
  };
  const countyUser = (park: number) => 3 + park; // park index 0-based → user id
  for (let k = 0; k < plan.parks; k++) {
    const n = String(k + 1).padStart(3, "0");
    users.rows.push([countyUser(k), `bench-p${n}`, `基准${n}县园区填报员`, passwordHash, "COUNTY", k + 1, created, created]);
  }
  const ADMIN = 1;

  const projects: Table = {
    name: "Project",
    columns: [
      ["id", "int"],
      ["code", "text"],
      ["name", "text"],
      ["parkId", "int"],
      ["enterprise", "text"],
      ["industry", "text"],
      ["level", "text"],
      ["totalInvestment", "numeric"],
      ["plannedStartMonth", "text"],
      ["actualStartMonth", "text"],
      ["plannedProductionMonth", "text"],
      ["actualProductionMonth", "text"],
      ["status", '"ProjectStatus"'],
      ["constructionContent", "text"],
      ["responsibleLeader", "text"],
      ["contactName", "text"],
      ["contactPhone", "text"],
      ["source", "text"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
      // 入库 in the start month: the synthetic projects are all in the statistics once started
      ["statsEnteredMonth", "text"],
    ],
    rows: [],
  };
  const planned: Table = {
    name: "PlannedInvestment",
    columns: [
      ["id", "int"],
      ["projectId", "int"],
      ["month", "text"],
      ["cumulativePlanned", "numeric"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    rows: [],
  };
  const milestones: Table = {
    name: "Milestone",
    columns: [
      ["id", "int"],
      ["projectId", "int"],
      ["kind", '"MilestoneKind"'],
      ["name", "text"],
      ["plannedDate", "date"],
      ["actualDate", "date"],
      ["sortOrder", "int"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    rows: [],
  };
  const reports: Table = {
    name: "MonthlyReport",
    columns: [
      ["id", "int"],
      ["projectId", "int"],
      ["month", "text"],
      ["status", '"ReportStatus"'],
      ["returnReason", "text"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    rows: [],
  };
  const revisions: Table = {
    name: "MonthlyReportRevision",
    columns: [
      ["id", "int"],
      ["reportId", "int"],
      ["revisionNo", "int"],
      ["monthInvestment", "numeric"],
      ["cumulativeInvestment", "numeric"],
      ["progressText", "text"],
      ["actualStartMonth", "text"],
      ["actualProductionMonth", "text"],
      ["explanation", "text"],
      ["photoCount", "int"],
      ["createdById", "int"],
      ["createdAt", "timestamptz"],
    ],
    rows: [],
  };
  const photos: Table = {
    name: "Photo",
    columns: [
      ["id", "int"],
      ["sha256", "text"],
      ["mime", "text"],
      ["width", "int"],
      ["height", "int"],
      ["data", "bytea"],
      ["thumbWidth", "int"],
      ["thumbHeight", "int"],
      ["thumb", "bytea"],
      ["createdAt", "timestamptz"],
    ],
    rows: Array.from({ length: SHARED_PHOTOS }, (_, k) => [k + 1, (k + 1).toString(16).padStart(64, "0"), "image/jpeg", 8, 6, PHOTO_JPEG, 8, 6, PHOTO_JPEG, created]),
  };
  const revisionPhotos: Table = {
    name: "RevisionPhoto",
    columns: [
      ["revisionId", "int"],
      ["position", "int"],
      ["photoId", "int"],
    ],
    rows: [],
  };
  const events: Table = {
    name: "ReportEvent",
    columns: [
      ["id", "int"],
      ["reportId", "int"],
      ["revisionId", "int"],
      ["action", '"ReportAction"'],
      ["fromStatus", '"ReportStatus"'],
      ["toStatus", '"ReportStatus"'],
      ["reason", "text"],
      ["userId", "int"],
      ["createdAt", "timestamptz"],
    ],
    rows: [],
  };
  const pointers: SynthData["reportPointers"] = { id: [], current: [], approved: [] };

  // per year: projectId → annual planned cents (null: not given on the list)
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const entries = new Map<number, Array<[number, number | null]>>(years.map((y) => [y, []]));

  let revisionId = 0;
  let eventId = 0;
  const monthIndex = (m: string) => {
    const [y, mm] = m.split("-").map(Number);
    const [fy, fm] = first.split("-").map(Number);
    return (y - fy) * 12 + (mm - fm);
  };
  const monthAt = (t: number) => addMonths(first, t);

  for (let i = 0; i < plan.projects; i++) {
    const r = stream(seed, 1, i);
    // the 数据质量 extras draw from a stream of their own
    const q = stream(seed, 7, i);
    const id = i + 1;
    const park = i % plan.parks;
    const industry = pick(r, INDUSTRIES);
    const product = pick(r, PRODUCTS);
    // total investment: 5,000 to 300,000 万元, log-uniform, whole 万元
    const totalC = Math.round(Math.exp(Math.log(5000) + r() * Math.log(60))) * 100;
    const duration = int(r, 12, 48);
    // planned start: up to two years before the first month, or up to three months before the end
    const plannedStart = int(r, -24, M - 3);
    const delay = r() < 0.7 ? 0 : int(r, 1, 5);
    const actualStart = plannedStart + delay;
    const pace = 0.45 + r() * 0.6;
    const plannedCum = (t: number) => Math.floor((totalC * Math.min(duration, Math.max(0, t - plannedStart + 1))) / duration);

    for (let t = Math.max(0, plannedStart); t < M; t++) {
      planned.rows.push([planned.rows.length + 1, id, monthAt(t), money(plannedCum(t)), created, created]);
    }

    // the approved chain
    let cum = actualStart < 0 ? Math.min(Math.floor((totalC * pace * -actualStart) / duration), Math.floor(totalC * 0.9)) : 0;
    let productionMonth: string | null = cum >= totalC * 0.85 ? monthAt(Math.min(-1, actualStart + duration - 1)) : null;
    let completedAt: number | null = null;
    const county = countyUser(park);
    const startMonth = monthAt(actualStart);

    for (let t = Math.max(0, actualStart); t < M; t++) {
      if (completedAt !== null && t > completedAt + 2) break;
      const month = monthAt(t);
      const open = month === openMonth;
      const remaining = totalC - cum;
      const jump = q() < 0.02;
      const monthC = Math.min(remaining, Math.floor(((totalC * pace) / duration) * (0.4 + r() * 1.2) * (jump ? 6 : 1)));
      const x = r();
      // what happened to this project-month
      type Kind = "none" | "approved" | "returned-then-approved" | "correction-approved" | "correction-pending" | "returned" | "draft" | "submitted";
      let kind: Kind;
      if (!open) {
        kind =
          x < 0.03
            ? "none"
            : x < 0.05
              ? "returned"
              : x < 0.06
                ? "draft"
                : x < 0.11
                  ? "returned-then-approved"
                  : x < 0.15
                    ? "correction-approved"
                    : x < 0.18
                      ? "correction-pending"
                      : "approved";
      } else {
        kind = x < 0.15 ? "none" : x < 0.25 ? "draft" : x < 0.35 ? "returned" : x < 0.6 ? "submitted" : "approved";
      }
      if (kind === "none") continue;

      const reportId = reports.rows.length + 1;
      const revs: Array<{ id: number; monthC: number; status: Status }> = [];
      const wrongC = Math.min(remaining, monthC * 10 + 100); // a typo the office sends back
      const alt = Math.min(remaining, Math.floor(monthC * (0.7 + r() * 0.2))); // the correction
      const steps: Array<[number, Status, string | null]> = // [month cents, what became of it, explanation]
        kind === "approved"
          ? [[monthC, "APPROVED", null]]
          : kind === "returned-then-approved"
            ? [
                [wrongC, "RETURNED", null],
                [monthC, "APPROVED", null],
              ]
            : kind === "correction-approved"
              ? [
                  [Math.min(remaining, monthC + 5000), "APPROVED", null],
                  [monthC, "APPROVED", "更正：按核实后的发票调整本月完成投资"],
                ]
              : kind === "correction-pending"
                ? [
                    [monthC, "APPROVED", null],
                    [alt, "SUBMITTED", "更正：按监理签证调整本月完成投资，待审核"],
                  ]
                : kind === "returned"
                  ? [[wrongC, "RETURNED", null]]
                  : kind === "draft"
                    ? [[monthC, "DRAFT", null]]
                    : [[monthC, "SUBMITTED", null]];

      const stamp = (n: number) => (open ? at(month, Math.min(28, 18 + n), 10) : at(addMonths(month, 1), Math.min(28, 1 + n), 10));
      let status: Status | null = null;
      let approvedId: number | null = null;
      let approvedC: number | null = null;
      let n = 0;
      const reached = (c: number) => cum + c >= totalC * 0.85;
      for (const [k, [c, fate, explanation]] of steps.entries()) {
        const rid = ++revisionId;
        revs.push({ id: rid, monthC: c, status: fate });
        const photo = q() < 0.03 ? 1 + Math.floor(q() * SHARED_PHOTOS) : null;
        if (photo !== null) revisionPhotos.rows.push([rid, 1, photo]);
        revisions.rows.push([
          rid,
          reportId,
          k + 1,
          money(c),
          money(cum + c),
          pick(r, PROGRESS),
          t >= actualStart ? startMonth : null,
          productionMonth ?? (reached(c) ? month : null),
          explanation,
          photo === null ? 0 : 1,
          county,
          stamp(n),
        ]);
        if (fate === "DRAFT") {
          events.rows.push([++eventId, reportId, rid, "SAVE", status, "DRAFT", null, county, stamp(n++)]);
          status = "DRAFT";
          continue;
        }
        events.rows.push([++eventId, reportId, rid, "SUBMIT", status, "SUBMITTED", null, county, stamp(n++)]);
        status = "SUBMITTED";
        if (fate === "RETURNED") {
          events.rows.push([++eventId, reportId, rid, "RETURN", "SUBMITTED", "RETURNED", "本月完成投资与形象进度不符，请核实后重报", ADMIN, stamp(n++)]);
          status = "RETURNED";
        } else if (fate === "APPROVED") {
          events.rows.push([++eventId, reportId, rid, "APPROVE", "SUBMITTED", "APPROVED", jump ? JUMP_NOTE : null, ADMIN, stamp(n++)]);
          status = "APPROVED";
          approvedId = rid;
          approvedC = c;
        }
      }
      const last = revs[revs.length - 1];
      const finalStatus = status!;
      reports.rows.push([reportId, id, month, finalStatus, finalStatus === "RETURNED" ? "本月完成投资与形象进度不符，请核实后重报" : null, stamp(0), stamp(n)]);
      pointers.id.push(reportId);
      pointers.current.push(last.id);
      pointers.approved.push(approvedId);
      if (approvedC !== null) {
        if (!productionMonth && reached(approvedC)) productionMonth = month;
        cum += approvedC;
        if (cum >= totalC && completedAt === null) completedAt = t;
      }
    }

    // on a year's list: planned to build that year, or still building it (behind plan)
    for (const y of years) {
      const dec = monthIndex(`${y}-12`);
      const annual = plannedCum(dec) - plannedCum(dec - 12);
      const planned = plannedStart <= dec && plannedStart + duration - 1 >= dec - 11;
      const building = actualStart <= dec && (completedAt === null || completedAt >= dec - 11);
      if (planned || building) entries.get(y)!.push([id, annual === 0 || r() < 0.04 ? null : annual]);
    }

    const started = actualStart <= M - 1;
    const status = !started ? "NOT_STARTED" : cum >= totalC ? "COMPLETED" : productionMonth ? "IN_PRODUCTION" : "UNDER_CONSTRUCTION";
    const n = String(id).padStart(5, "0");
    projects.rows.push([
      id,
      `BENCH-${n}`,
      `年产${int(r, 2, 80)}万件${product}项目（基准${n}）`,
      park + 1,
      `基准${n}实业有限公司`,
      industry,
      pick(r, ["市级重大项目", "省级重点项目", "县级重点项目"]),
      money(totalC),
      monthAt(plannedStart),
      started ? startMonth : null,
      monthAt(plannedStart + duration - 1),
      started ? productionMonth : null,
      status,
      `新建${product}生产线及配套设施，总建筑面积约${int(r, 1, 30)}万平方米`,
      pick(r, LEADERS),
      `联系人${n}`,
      `0745-${String(1000000 + id).slice(-7)}`,
      "合成基准数据（npm run db:synth）",
      created,
      created,
      started ? startMonth : null,
    ]);

    const milestone = (kind: string, name: string, plannedMonth: string, actualMonth: string | null, sort: number) =>
      milestones.rows.push([
        milestones.rows.length + 1,
        id,
        kind,
        name,
        day(plannedMonth, 15),
        actualMonth && actualMonth <= openMonth ? day(actualMonth, 15) : null,
        sort,
        created,
        created,
      ]);
    milestone("START", "开工", monthAt(plannedStart), started ? startMonth : null, 0);
    milestone(
      "MAIN_STRUCTURE",
      "主体完工",
      monthAt(plannedStart + Math.floor(duration / 2)),
      started && cum >= totalC * 0.5 ? monthAt(actualStart + Math.floor(duration / 2)) : null,
      1,
    );
    milestone(
      "EQUIPMENT",
      "设备安装",
      monthAt(plannedStart + Math.floor((duration * 3) / 4)),
      started && cum >= totalC * 0.75 ? monthAt(actualStart + Math.floor((duration * 3) / 4)) : null,
      2,
    );
    milestone("PRODUCTION", "投产", monthAt(plannedStart + duration - 1), started ? productionMonth : null, 3);
  }

  // annual plans: declared figures are the sums of the entries, so the plan is consistent
  const annualPlans: Table = {
    name: "AnnualPlan",
    columns: [
      ["id", "int"],
      ["year", "int"],
      ["title", "text"],
      ["declaredProjectCount", "int"],
      ["declaredTotalInvestment", "numeric"],
      ["declaredAnnualInvestment", "numeric"],
      ["startDeadline", "date"],
      ["productionDeadline", "date"],
      ["productionTargetLabel", "text"],
      ["targetText", "text"],
      ["factorGuarantees", "text[]"],
      ["source", "text"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    rows: [],
  };
  const planEntries: Table = {
    name: "AnnualPlanEntry",
    columns: [
      ["id", "int"],
      ["planId", "int"],
      ["projectId", "int"],
      ["annualPlannedInvestment", "numeric"],
      ["sortOrder", "int"],
      ["createdAt", "timestamptz"],
    ],
    rows: [],
  };
  const totals = new Map(projects.rows.map((p) => [p[0] as number, Math.round(Number(p[7]) * 100)]));
  for (const [pi, y] of years.entries()) {
    const list = entries.get(y)!;
    let total = 0;
    let annual = 0;
    for (const [k, [projectId, c]] of list.entries()) {
      planEntries.rows.push([planEntries.rows.length + 1, pi + 1, projectId, c === null ? null : money(c), k + 1, created]);
      total += totals.get(projectId)!;
      annual += c ?? 0;
    }
    annualPlans.rows.push([
      pi + 1,
      y,
      `${y}年基准园区重大项目计划（合成数据）`,
      list.length,
      money(total),
      money(annual),
      `${y}-06-30`,
      `${y}-12-31`,
      "大部分投产",
      "年内全部开工，大部分项目投产",
      "{土地,资金,能源}",
      "合成基准数据（npm run db:synth）",
      created,
      created,
    ]);
  }

  // issues
  const issues: Table = {
    name: "Issue",
    columns: [
      ["id", "int"],
      ["year", "int"],
      ["projectId", "int"],
      ["parkId", "int"],
      ["category", '"IssueCategory"'],
      ["subCategory", "text"],
      ["title", "text"],
      ["description", "text"],
      ["responsibleUnit", "text"],
      ["responsibleLeader", "text"],
      ["raisedDate", "date"],
      ["dueDate", "date"],
      ["status", '"IssueStatus"'],
      ["resolution", "text"],
      ["closedDate", "date"],
      ["source", "text"],
      ["sortOrder", "int"],
      ["createdById", "int"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    rows: [],
  };
  const firstDay = day(first, 1);
  const lastDay = day(openMonth, 25);
  const span = Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86400_000);
  for (let j = 0; j < plan.issues; j++) {
    const r = stream(seed, 2, j);
    const parkLevel = r() < 0.1;
    const projectId = parkLevel ? null : int(r, 1, plan.projects);
    const parkId = projectId ? ((projectId - 1) % plan.parks) + 1 : int(r, 1, plan.parks);
    const sub = pick(r, SUBCATEGORIES);
    const raised = addDays(firstDay, int(r, 0, span));
    const due = addDays(raised, int(r, 10, 120));
    const old = Date.parse(lastDay) - Date.parse(raised) > 90 * 86400_000;
    const x = r();
    // every synthetic issue names its unit, so none is 待交办: the 督办 loop's other states
    const drawn = old ? (x < 0.7 ? "CLOSED" : x < 0.85 ? "IN_PROGRESS" : "ASSIGNED") : x < 0.4 ? "ASSIGNED" : x < 0.75 ? "IN_PROGRESS" : "CLOSED";
    const status = drawn === "IN_PROGRESS" && j % 4 === 0 ? "FEEDBACK" : drawn;
    let closed: string | null = null;
    if (status === "CLOSED") {
      closed = addDays(raised, int(r, 3, 150));
      if (closed > lastDay) closed = lastDay;
    }
    const unit = pick(r, UNITS);
    issues.rows.push([
      j + 1,
      Number(raised.slice(0, 4)),
      projectId,
      parkId,
      sub.category,
      sub.code,
      `${sub.label}问题：${projectId ? `BENCH-${String(projectId).padStart(5, "0")}` : `基准${String(parkId).padStart(3, "0")}县园区`}（合成#${j + 1}）`,
      `合成基准数据：${sub.label}方面的问题，需${unit}协调解决。`,
      unit,
      pick(r, LEADERS),
      raised,
      due,
      status,
      status === "CLOSED" ? "已协调解决" : null,
      closed,
      "合成基准数据（npm run db:synth）",
      j + 1,
      ADMIN,
      `${raised}T09:00:00+08:00`,
      `${closed ?? raised}T09:00:00+08:00`,
    ]);
  }

  // reporting periods: every month published except the newest, which is open
  const periods: Table = {
    name: "ReportingPeriod",
    columns: [
      ["id", "int"],
      ["month", "text"],
      ["deadline", "date"],
      ["status", '"PeriodStatus"'],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ],
    rows: months.map((m, k) => [k + 1, m, day(addMonths(m, 1), 5), m === openMonth ? "OPEN" : "PUBLISHED", at(m, 1, 8), at(m, 1, 8)]),
  };

  return {
    plan,
    tables: [parks, users, projects, annualPlans, planEntries, planned, milestones, reports, revisions, photos, revisionPhotos, events, issues, periods],
    reportPointers: pointers,
    adminUserId: ADMIN,
  };
}
