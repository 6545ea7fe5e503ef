import type { ReportStatus } from "@/generated/prisma/enums";
import { REPORT_STATUS_LABEL } from "@/lib/labels";

const STYLE: Record<ReportStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-sky-100 text-sky-800",
  APPROVED: "bg-emerald-100 text-emerald-800",
  RETURNED: "bg-red-100 text-red-700",
};

export function ReportStatusBadge({ status }: { status: ReportStatus | null }) {
  if (!status) return <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">未填报</span>;
  return <span className={`rounded px-1.5 py-0.5 text-xs ${STYLE[status]}`}>{REPORT_STATUS_LABEL[status]}</span>;
}
