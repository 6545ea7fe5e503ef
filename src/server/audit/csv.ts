// The audit log as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese), one
// line per entry, the changed fields in one cell; cells that a spreadsheet would run as a
// formula are prefixed with ' (OWASP CSV injection).
import type { AuditRow } from "./queries";

export const CSV_BOM = "\uFEFF";
export const CSV_HEADER = ["时间", "操作", "对象", "操作人", "IP", "内容（修改前 → 修改后）"];

export function csvCell(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) || /^-[^0-9]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/** An entry's changed fields in one line (the CSV and the Excel export). */
export function auditChanges(r: AuditRow): string {
  return r.diff.map((d) => (r.created ? `${d.label}：${d.after}` : `${d.label}：${d.before} → ${d.after}`)).join("；");
}

export function auditCsvLine(r: AuditRow, formatTime: (d: Date) => string): string {
  return csvLine([formatTime(r.createdAt), r.actionLabel, r.subject, r.actorLabel, r.ip, auditChanges(r)]);
}
