// The signed-in user's sessions: when, from where, which browser; the current one marked, each
// other one with 结束 (src/server/account/queries.ts).
import type { OwnSession } from "@/server/account/queries";
import { formatDateTime } from "@/lib/month";
import { EndOtherSessionsForm, EndSessionForm } from "./session-forms";

export function SessionList({ sessions, idleMinutes }: { sessions: OwnSession[]; idleMinutes: number }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">每个会话是一次登录：登录满12小时，或连续{idleMinutes}分钟没有操作，会话自动结束。看到不认识的设备或地址，请结束它并修改密码。</p>
      <ul className="space-y-2" data-testid="session-list">
        {sessions.map((s) => (
          <li
            key={s.id}
            className={`flex flex-wrap items-start gap-x-4 gap-y-2 rounded-lg border bg-white p-3 ${s.current ? "border-sky-300" : "border-slate-200"}`}
            data-testid={s.current ? "session-current" : "session-other"}
          >
            <div className="min-w-0 flex-1 space-y-1">
              <p className="font-medium">
                {s.browser}
                {s.current && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-normal text-sky-800">当前会话</span>}
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-600">
                <dt>登录时间</dt>
                <dd>{formatDateTime(s.createdAt)}</dd>
                <dt>最近活动</dt>
                <dd>{formatDateTime(s.lastSeenAt)}</dd>
                <dt>来源地址</dt>
                <dd className="break-all">{s.ip ?? "未知"}</dd>
              </dl>
            </div>
            {!s.current && <EndSessionForm sessionId={s.id} label={`${s.browser}，${formatDateTime(s.createdAt)}登录`} />}
          </li>
        ))}
      </ul>
      <EndOtherSessionsForm others={others} />
    </div>
  );
}
