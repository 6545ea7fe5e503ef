// The Excel downloads: the 调度表 of a month, the import template of a county park, the project
// list (项目库), the issue ledger and the audit log. Each reads the same URL filters as its page
// (the same parser), asks the permission table, reads at most its row cap (said on the page and
// in the file) and streams the workbook (src/server/excel/workbook.ts). Route handlers call
// these and only turn the result into a response.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { can, refusalMessage } from "@/server/auth/permissions";
import { getReadPublication } from "@/server/periods/queries";
import { listFigures } from "@/server/figures/queries";
import { figureListQuery } from "@/server/figures/project-list";
import { resolvePlanYear } from "@/server/plans/queries";
import { getIssueStats, listIssueLeaders, listIssueYears, listIssues, parseIssueFilters } from "@/server/issues/queries";
import { AUDIT_EXPORT_LIMIT, AUDIT_VIEW_LABEL, auditExportStem, countAudit, exportAudit, parseAuditFilters } from "@/server/audit/queries";
import { auditChanges } from "@/server/audit/csv";
import { parseProjectListParams } from "@/lib/project-list";
import { businessDate, currentMonth, formatDateTime, formatDay, formatMonth, isMonth } from "@/lib/month";
import { intParam, param, type RawSearchParams } from "@/lib/search-params";
import { subCategoryLabel } from "@/domain/issue-categories";
import { ISSUE_CATEGORY_LABEL, ISSUE_STATUS_LABEL, PROJECT_STATUS_LABEL } from "@/lib/labels";
import { WARNING_LABEL } from "@/domain/warnings";
import { moneyCell, percentCell, Sheet, type Build, type CellValue, type Column, type SheetOptions } from "./workbook";
import { SCHEDULE_EXPORT_LIMIT, scheduleBuild, scheduleNote, scheduleRows, scheduleSource, templateRows } from "./schedule";

/** The most rows one list export holds; a longer list is cut there with a note. */
export const LIST_EXPORT_LIMIT = 10_000;

export type ExportResult = { ok: false; status: number; message: string } | { ok: true; fileName: string; build: Build; rows: number; total: number };

const refuse = (status: number, message: string): ExportResult => ({ ok: false, status, message });
const signIn = () => refuse(401, "请先登录。");
/** The project data's lists are for the accounts that read it (data.read): not an 审计员; nobody signed out. */
const dataRefusal = (actor: Actor | null) => (!actor ? signIn() : can(actor, "data.read") ? null : refuse(403, refusalMessage("data.read")));

function capNote(total: number, cap: number): string | null {
  return total > cap ? `注：共${total}条，仅导出前${cap}条；请缩小筛选条件后分次导出。` : null;
}

/** A list's workbook: one sheet with a row per item read, and a footnote when the list was cut at LIST_EXPORT_LIMIT. */
function listBuild<R>(options: SheetOptions, rows: R[], total: number, cells: (row: R, index: number) => CellValue[]): Build {
  return async (wb) => {
    const sheet = new Sheet(wb, options);
    rows.forEach((r, i) => sheet.add(cells(r, i)));
    const cap = capNote(total, LIST_EXPORT_LIMIT);
    if (cap) sheet.footnote(cap);
    sheet.commit();
  };
}

/** The 调度表 of `month` (all county parks, or `?park=`; `?publication=N` for that publication of the month). Every account that reads the project data. */
export async function scheduleExport(prisma: Db, actor: Actor | null, month: string, sp: RawSearchParams, now?: Date): Promise<ExportResult> {
  const refused = dataRefusal(actor);
  if (refused) return refused;
  if (!isMonth(month) || month > currentMonth(now)) return refuse(404, "没有该月的调度表。");
  const parkId = intParam(sp, "park");
  const park = parkId === undefined ? null : await prisma.park.findUnique({ where: { id: parkId }, select: { id: true, name: true } });
  if (parkId !== undefined && !park) return refuse(404, "没有该县区园区。");
  const publicationNo = intParam(sp, "publication");
  const source = publicationNo === undefined ? await scheduleSource(prisma, month) : await scheduleSource(prisma, month, publicationNo);
  if (!source) return refuse(404, `${formatMonth(month)}没有第${publicationNo}次发布。`);
  if (park && source.kind === "publication") {
    // the park's name as stored with the publication
    const stored = await prisma.publicationParkTotal.findUnique({
      where: { publicationId_parkId: { publicationId: source.publicationId, parkId: park.id } },
      select: { parkName: true },
    });
    if (stored) park.name = stored.parkName;
  }
  const rows = await scheduleRows(prisma, month, source, { parkId: park?.id, limit: SCHEDULE_EXPORT_LIMIT + 1 });
  const truncated = rows.length > SCHEDULE_EXPORT_LIMIT;
  if (truncated) rows.length = SCHEDULE_EXPORT_LIMIT;
  const status = source.kind === "live" ? "（未发布）" : source.reopened ? "（已重新开放）" : "";
  const title = `${formatMonth(month)}重大项目调度表${park ? `（${park.name}）` : ""}${status}`;
  return {
    ok: true,
    fileName: `${formatMonth(month)}调度表${park ? `-${park.name}` : ""}.xlsx`,
    rows: rows.length,
    total: rows.length,
    build: scheduleBuild({
      month,
      title,
      note: scheduleNote(source, now ?? new Date()),
      rows,
      live: source.kind === "live",
      template: false,
      truncatedNote: truncated ? `注：仅导出前${SCHEDULE_EXPORT_LIMIT}个项目。` : null,
    }),
  };
}

/**
 * The import template of one county park and month: its projects with last month's figures.
 * A county account gets its own park; an administrator names it (`?park=`).
 */
export async function templateExport(prisma: Db, actor: Actor | null, sp: RawSearchParams, now?: Date): Promise<ExportResult> {
  if (!actor) return signIn();
  if (!can(actor, "monthlyReport.import")) return refuse(403, refusalMessage("monthlyReport.import"));
  const month = param(sp, "month") ?? currentMonth(now);
  if (!isMonth(month) || month > currentMonth(now)) return refuse(400, "填报月份无效。");
  const parkId = actor.role === "COUNTY" ? (actor.parkId ?? undefined) : intParam(sp, "park");
  if (parkId === undefined) return refuse(400, "请选择县区园区。");
  if (!can(actor, "monthlyReport.import", { parkId })) return refuse(403, "只能下载本县区园区的导入模板。");
  const park = await prisma.park.findUnique({ where: { id: parkId }, select: { id: true, name: true } });
  if (!park) return refuse(404, "没有该县区园区。");
  const rows = await templateRows(prisma, month, park.id, SCHEDULE_EXPORT_LIMIT);
  return {
    ok: true,
    fileName: `${formatMonth(month)}调度表导入模板-${park.name}.xlsx`,
    rows: rows.length,
    total: rows.length,
    build: scheduleBuild({
      month,
      title: `${formatMonth(month)}重大项目调度表（${park.name}）导入模板`,
      note:
        `填写说明：按项目代码匹配，只改“本月完成投资”“开工至今累计完成投资”“形象进度”（及说明、实际开工/投产月份）；其余列仅供参考，导入时不读取。` +
        `累计数留空或保持上月数时，按“上月累计+本月”计算。金额单位：万元，填数字（不要填“万元”等文字）。预填的是截至${formatDateTime(now ?? new Date())}已报的数字。`,
      rows,
      live: true,
      template: true,
    }),
  };
}

const PROJECT_COLUMNS: Column[] = [
  { header: "序号", kind: "int", width: 6 },
  { header: "项目代码", kind: "text", width: 14 },
  { header: "项目名称", kind: "wrap", width: 28 },
  { header: "县区园区", kind: "text", width: 13 },
  { header: "建设单位", kind: "wrap", width: 22 },
  { header: "产业类别", kind: "text", width: 12 },
  { header: "状态", kind: "text", width: 8 },
  { header: "总投资（万元）", kind: "money", width: 14 },
  { header: "年度计划投资（万元）", kind: "money", width: 14 },
  { header: "本年累计完成投资（万元）", kind: "money", width: 14 },
  { header: "年度投资完成率%", kind: "percent", width: 10 },
  { header: "开工至今累计完成投资（万元）", kind: "money", width: 15 },
  { header: "开累完成率%", kind: "percent", width: 10 },
  { header: "落后月度计划（个百分点）", kind: "points", width: 12 },
  { header: "预警", kind: "text", width: 10 },
  { header: "数据月份", kind: "text", width: 12 },
  { header: "包保领导", kind: "text", width: 10 },
];

/** 项目库 (/projects) with its filters and sort: the publication leaders read. */
export async function projectListExport(prisma: Db, actor: Actor | null, sp: RawSearchParams, now?: Date): Promise<ExportResult> {
  const refused = dataRefusal(actor);
  if (refused) return refused;
  const params = parseProjectListParams(sp);
  const { year } = await resolvePlanYear(prisma, params.year);
  if (year === undefined) return refuse(404, "还没有年度重大项目计划。");
  const pub = await getReadPublication(prisma, year);
  if (!pub) return refuse(404, `${year}年还没有发布的调度期，没有可导出的数字。`);
  const { total, rows } = await listFigures(prisma, figureListQuery(pub.publicationId, params, { page: 1, size: LIST_EXPORT_LIMIT }));
  const note = `数据为${formatMonth(pub.month)}第${pub.publicationNo}次发布（${formatDateTime(pub.publishedAt)}）的数字${pub.periodReopened ? "（该月已重新开放、正在更正）" : ""}，只计审核通过的月报。单位：万元。导出时间：${formatDateTime(now ?? new Date())}`;
  return {
    ok: true,
    fileName: `项目库-${year}年-${businessDate(now)}.xlsx`,
    rows: rows.length,
    total,
    build: listBuild({ name: "项目库", title: `${year}年重大项目库（截至${formatMonth(pub.month)}，已发布）`, note, columns: PROJECT_COLUMNS }, rows, total, (r, i) => {
      const level = r.warningLevel === "RED" ? WARNING_LABEL.red : r.warningLevel === "YELLOW" ? WARNING_LABEL.yellow : WARNING_LABEL.green;
      return [
        i + 1,
        r.code,
        r.name,
        r.parkName,
        r.enterprise,
        r.industry,
        PROJECT_STATUS_LABEL[r.status],
        moneyCell(r.totalInvestment),
        moneyCell(r.annualPlanned),
        moneyCell(r.yearInvestment),
        percentCell(r.annualRate),
        moneyCell(r.cumulative),
        percentCell(r.totalRate),
        moneyCell(r.lagPoints),
        r.missing ? `${level}；未报` : level,
        r.figureMonth ? formatMonth(r.figureMonth) : "未报",
        r.responsibleLeader,
      ];
    }),
  };
}

const ISSUE_COLUMNS: Column[] = [
  { header: "序号", kind: "int", width: 6 },
  { header: "年度", kind: "int", width: 7 },
  { header: "类别", kind: "text", width: 14 },
  { header: "子类", kind: "text", width: 14 },
  { header: "问题", kind: "wrap", width: 28 },
  { header: "情况描述", kind: "wrap", width: 40 },
  { header: "项目代码", kind: "text", width: 14 },
  { header: "项目名称", kind: "wrap", width: 24 },
  { header: "县区园区", kind: "text", width: 13 },
  { header: "责任单位", kind: "text", width: 14 },
  { header: "包保领导", kind: "text", width: 10 },
  { header: "提出日期", kind: "text", width: 12 },
  { header: "办结时限", kind: "text", width: 12 },
  { header: "状态", kind: "text", width: 9 },
  { header: "是否逾期", kind: "text", width: 9 },
  { header: "办理结果", kind: "wrap", width: 30 },
  { header: "办结日期", kind: "text", width: 12 },
];

/** 问题台账 (/issues) with its filters, overdue first. */
export async function issueExport(prisma: Db, actor: Actor | null, sp: RawSearchParams, now?: Date): Promise<ExportResult> {
  const refused = dataRefusal(actor);
  if (refused) return refused;
  const years = await listIssueYears(prisma);
  const { filters } = parseIssueFilters(sp, years[0], await listIssueLeaders(prisma));
  const today = businessDate(now);
  const scope = { ...filters, today };
  const { total, closed, overdue } = await getIssueStats(prisma, scope);
  const rows = await listIssues(prisma, scope, { offset: 0, size: LIST_EXPORT_LIMIT });
  const day = (d: Date | null) => (d ? formatDay(d) : null);
  return {
    ok: true,
    fileName: `问题台账-${filters.year ? `${filters.year}年-` : ""}${today}.xlsx`,
    rows: rows.length,
    total,
    build: listBuild(
      {
        name: "问题台账",
        title: `${filters.year ? `${filters.year}年` : ""}重大项目问题台账`,
        note: `共${total}个问题，已办结${closed}个，逾期未办结${overdue}个（按${today}判定）。导出时间：${formatDateTime(now ?? new Date())}`,
        columns: ISSUE_COLUMNS,
      },
      rows,
      total,
      (r, i) => [
        i + 1,
        r.year,
        ISSUE_CATEGORY_LABEL[r.category],
        subCategoryLabel(r.subCategory),
        r.title,
        r.description,
        r.projectCode,
        r.projectName,
        r.parkName ?? "园区",
        r.responsibleUnit,
        r.responsibleLeader,
        day(r.raisedDate),
        day(r.dueDate),
        ISSUE_STATUS_LABEL[r.status],
        r.overdue ? "逾期" : "",
        r.resolution,
        day(r.closedDate),
      ],
    ),
  };
}

const AUDIT_COLUMNS: Column[] = [
  { header: "时间", kind: "text", width: 18 },
  { header: "操作", kind: "text", width: 16 },
  { header: "对象", kind: "wrap", width: 30 },
  { header: "操作人", kind: "text", width: 16 },
  { header: "IP", kind: "text", width: 15 },
  { header: "内容（修改前 → 修改后）", kind: "wrap", width: 70 },
];

/** 操作日志 (/admin/audit) with its filters: administrators and auditors (audit.read). */
export async function auditExport(prisma: Db, actor: Actor | null, sp: RawSearchParams, now?: Date): Promise<ExportResult> {
  if (!actor) return signIn();
  if (!can(actor, "audit.read")) return refuse(403, "只有园区管理员和审计员可以导出操作日志。");
  const filters = parseAuditFilters(sp);
  const total = await countAudit(prisma, filters);
  return {
    ok: true,
    // the audit log is real time, whatever the business "today" (APP_TODAY)
    fileName: `${auditExportStem(filters.view)}-${businessDate(now ?? new Date())}.xlsx`,
    rows: Math.min(total, AUDIT_EXPORT_LIMIT),
    total,
    build: async (wb) => {
      const sheet = new Sheet(wb, {
        name: "操作日志",
        title: filters.view === "changes" ? "操作日志" : AUDIT_VIEW_LABEL[filters.view],
        note: `共${total}条，最新的在前。导出时间：${formatDateTime(now ?? new Date())}`,
        columns: AUDIT_COLUMNS,
      });
      for await (const batch of exportAudit(prisma, filters)) {
        for (const r of batch) {
          sheet.add([formatDateTime(r.createdAt), r.actionLabel, r.subject, r.actorLabel, r.ip, auditChanges(r)]);
        }
      }
      const cap = total > AUDIT_EXPORT_LIMIT ? `注：共${total}条，仅导出最新的${AUDIT_EXPORT_LIMIT}条；请缩小日期范围或筛选条件后分次导出。` : null;
      if (cap) sheet.footnote(cap);
      sheet.commit();
    },
  };
}
