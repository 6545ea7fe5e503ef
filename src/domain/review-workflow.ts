// The review workflow every county-entered report shares (月度调度, 效益填报): 草稿 → 已提交 →
// 已审核 or 退回, a new immutable revision on every save, the county locked out of a submitted
// report until it is reviewed or withdrawn. The steps' refusals, in one place. Pure.
import { REPORT_STATUS_LABEL } from "@/lib/labels";

type Status = keyof typeof REPORT_STATUS_LABEL;

/** Why a report in `status` cannot be reviewed now (only a submitted one with a revision can), or null. */
export function reviewRefusal(status: Status, hasRevision: boolean): string | null {
  if (status === "SUBMITTED" && hasRevision) return null;
  return `只能审核“已提交”的报表，该报表当前为“${REPORT_STATUS_LABEL[status]}”。`;
}

/** The status a save leads to: 提交审核 → 已提交, 保存 → 草稿. */
export function statusAfterSave(intent: "save" | "submit"): "SUBMITTED" | "DRAFT" {
  return intent === "submit" ? "SUBMITTED" : "DRAFT";
}
