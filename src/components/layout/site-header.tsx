import { renderStamp } from "@/server/render-stamp";
import Link from "next/link";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { logoutAction } from "@/server/auth/actions";
import { ROLE_LABEL } from "@/lib/labels";
import { ACCOUNT_PATH, CHANGE_PASSWORD_PATH } from "@/lib/account-paths";
import { appToday, businessDate, formatDay, dayToDate, isDemoToday } from "@/lib/month";
import { db } from "@/server/db";
import { getTodoBadge, TODO_BADGE_CAP } from "@/server/todo/queries";
import { TodoBadge } from "@/components/common/live-count";

/**
 * The to-do count of the navigation: reports, periods, nodes, 入库 and the 督办 issues awaiting this
 * account, counted up to a cap in one bounded statement; nothing when the database is down.
 */
async function todoCount(actor: Actor): Promise<number | null> {
  try {
    return await getTodoBadge(db(), actor, businessDate());
  } catch {
    return null;
  }
}

/**
 * The business "today" when it is not the clock's: the demo's date (演示数据 · 演示日期…), or the
 * date an operator set with APP_TODAY. Every deadline, 超期 and open month on the pages follows it.
 */
function TodayBadge() {
  const fixed = appToday();
  if (!fixed) return null;
  const day = formatDay(dayToDate(fixed));
  const demo = isDemoToday();
  return (
    <span
      className="whitespace-nowrap rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900"
      title={demo ? "演示数据按演示日期讲述：截止日、超期天数、本月都按这一天计算" : "业务日期由系统管理员设定：截止日、超期天数、本月都按这一天计算"}
      data-testid="today-badge"
    >
      {demo ? `演示数据 · 演示日期${day}` : `业务日期${day}`}
    </span>
  );
}

export async function SiteHeader({ actor }: { actor: Actor | null }) {
  const withTodo = can(actor, "todo.read");
  const reads = can(actor, "data.read");
  // county staff and admins land on 我的待办; the overview stays in the menu for everyone who reads
  // the project data; an auditor's menu has the audit log only (what the permission table lets it open)
  const links: Array<[string, string]> = withTodo
    ? [
        ["/todo", "我的待办"],
        ["/overview", "概览"],
      ]
    : reads
      ? [["/", "概览"]]
      : [];
  if (reads) links.push(["/projects", "项目库"], ["/parks", "县区园区"]);
  // while a password an administrator set is still to be changed, the page is that change only
  const restricted = !!actor?.mustChangePassword;
  const count = actor && withTodo && !restricted ? await todoCount(actor) : null;
  // a count rendered afresh replaces what the page's own writes moved it by (src/components/common/live-count.tsx)
  const stamp = renderStamp();
  if (actor) {
    if (can(actor, "monthlyReport.write")) links.push(["/monthly-report", "月度填报"]);
    if (can(actor, "monthlyReport.review")) links.push(["/review", "审核"]);
    if (reads) links.push(["/periods", "调度期"], ["/issues", "问题台账"], ["/annual-report", "情况报告"]);
    if (can(actor, "project.manage")) links.push(["/admin", "管理"]);
    else if (can(actor, "audit.read")) links.push(["/admin/audit", "操作日志"]);
  }
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          园区重大项目调度平台
        </Link>
        <TodayBadge />
        {actor && !restricted && (
          <nav aria-label="主导航" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            {links.map(([href, label]) => (
              // no prefetch: the menu is on every page, and fetching its nine pages ahead on every
              // page view cost the server nine renders and a phone's main thread its first seconds
              <Link key={href} href={href} prefetch={false} className="whitespace-nowrap hover:text-slate-900">
                {label}
                {href === "/todo" && count !== null && <TodoBadge base={count} cap={TODO_BADGE_CAP} stamp={stamp} />}
              </Link>
            ))}
          </nav>
        )}
        {actor && (
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
            <Link href={restricted ? CHANGE_PASSWORD_PATH : ACCOUNT_PATH} className="hover:text-slate-900" title="我的账号：修改密码、查看登录会话" data-testid="current-user">
              {actor.displayName}
              <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{ROLE_LABEL[actor.role]}</span>
            </Link>
            <form action={logoutAction}>
              <button type="submit" className="text-sky-700 hover:underline">
                退出
              </button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
