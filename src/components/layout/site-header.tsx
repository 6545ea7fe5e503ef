import Link from "next/link";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { logoutAction } from "@/server/auth/actions";
import { ROLE_LABEL } from "@/lib/labels";

export function SiteHeader({ actor }: { actor: Actor | null }) {
  const links: Array<[string, string]> = [["/", "概览"], ["/projects", "项目库"], ["/parks", "县区园区"]];
  if (actor) {
    if (can(actor, "report.write")) links.push(["/report", "月度填报"]);
    if (can(actor, "report.review")) links.push(["/review", "审核"]);
    links.push(["/periods", "调度期"]);
    links.push(["/issues", "问题台账"]);
    links.push(["/reports", "情况报告"]);
    if (can(actor, "project.manage")) links.push(["/admin", "管理"]);
  }
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          园区重大项目调度平台
        </Link>
        {actor && (
          <nav aria-label="主导航" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            {links.map(([href, label]) => (
              <Link key={href} href={href} className="hover:text-slate-900">
                {label}
              </Link>
            ))}
          </nav>
        )}
        {actor && (
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
            <span data-testid="current-user">
              {actor.displayName}
              <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{ROLE_LABEL[actor.role]}</span>
            </span>
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
