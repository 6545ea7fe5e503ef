import type { ReportEntry } from "@/server/monthly-reports/queries";
import { formatWan } from "@/lib/money";
import { PROGRESS_STAGE_LABEL, REPORT_STATUS_LABEL } from "@/lib/labels";
import { PhotoThumbs } from "./photo-thumbs";

const ACTION_LABEL = { SAVE: "保存草稿", SUBMIT: "提交审核", APPROVE: "审核通过", RETURN: "退回", WITHDRAW: "撤回" } as const;
const time = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: process.env.APP_TIMEZONE || "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(d);

export function RevisionHistory({ report }: { report: NonNullable<ReportEntry["report"]> }) {
  return (
    <div className="space-y-4">
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-600">历次版本（保留全部，不覆盖）</h3>
        <ol className="space-y-2" data-testid="revisions">
          {report.revisions.map((r) => (
            <li key={r.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
              <p className="font-medium">
                第{r.revisionNo}版{r.id === report.currentRevisionId && <span className="ml-1 text-xs text-sky-700">当前</span>}
                {r.id === report.approvedRevisionId && <span className="ml-1 text-xs text-emerald-700">已审核</span>}
                <span className="ml-2 font-normal text-slate-500">
                  {r.createdBy} · {time(r.createdAt)}
                </span>
              </p>
              <p className="num text-slate-700">
                本月 {r.monthInvestment === null ? "—" : formatWan(r.monthInvestment)}，累计 {formatWan(r.cumulativeInvestment)}
              </p>
              <p className="text-slate-600">
                {r.progressStage && <span className="mr-1 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{PROGRESS_STAGE_LABEL[r.progressStage]}</span>}
                {r.progressText}
              </p>
              {r.explanation && <p className="text-slate-500">说明：{r.explanation}</p>}
              <PhotoThumbs photos={r.photos} label={`第${r.revisionNo}版`} testId={`revision-photos-${r.revisionNo}`} />
            </li>
          ))}
        </ol>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-600">流转记录</h3>
        <ul className="space-y-1 text-sm text-slate-600" data-testid="events">
          {report.events.map((e) => (
            <li key={e.id}>
              {time(e.at)} · {e.by} · {ACTION_LABEL[e.action]} → {REPORT_STATUS_LABEL[e.toStatus]}
              {e.reason && (e.action === "APPROVE" ? <span data-testid="event-verification">（核实说明：{e.reason}）</span> : <>（{e.reason}）</>)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
