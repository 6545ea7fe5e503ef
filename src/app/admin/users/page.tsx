import type { Metadata } from "next";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { listUsers } from "@/server/users/queries";
import { listParks } from "@/server/parks/queries";
import { ActiveForm, CreateUserForm, EditUserForm, ResetPasswordForm } from "@/components/admin/user-forms";
import { UnlockLoginForm } from "@/components/admin/unlock-form";
import { ROLE_LABEL } from "@/lib/labels";
import { passwordMinLength } from "@/domain/password-rule";
import { AdminHeading } from "@/components/admin/admin-heading";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const actor = await requirePermission("user.manage", "/admin/users");
  const prisma = db();
  const users = await listUsers(prisma);
  const parks = await listParks(prisma);
  const passwordMin = passwordMinLength();
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <AdminHeading title="用户管理" />
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-medium">新建用户</h2>
        <CreateUserForm parks={parks} passwordMin={passwordMin} />
      </section>
      <section>
        <h2 className="mb-2 font-medium">全部用户（{users.length}个）</h2>
        <ul className="space-y-2" data-testid="user-list">
          {users.map((u) => {
            const row = { ...u, stamp: u.updatedAt.toISOString() };
            return (
              <li key={u.id} className={`rounded-lg border bg-white ${u.active ? "border-slate-200" : "border-slate-300 opacity-80"}`} data-testid={`user-${u.username}`}>
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 p-3">
                    <span className="font-medium">{u.username}</span>
                    <span className="text-sm text-slate-600">{u.displayName}</span>
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{ROLE_LABEL[u.role]}</span>
                    {u.park && <span className="text-xs text-slate-500">{u.park.name}</span>}
                    {!u.active && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-700">已停用</span>}
                    {u.active && u.mustChangePassword && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">待本人修改初始密码</span>}
                    {u.id === actor.id && <span className="text-xs text-slate-500">（本人）</span>}
                    <span className="ml-auto text-sm text-sky-700">修改 / 停用 / 重置密码</span>
                  </summary>
                  <div className="grid gap-4 border-t border-slate-100 p-3 sm:grid-cols-2">
                    <div className="sm:col-span-2">
                      <EditUserForm user={row} parks={parks} />
                    </div>
                    <ResetPasswordForm user={row} passwordMin={passwordMin} />
                    {u.id !== actor.id && <ActiveForm user={row} />}
                    <UnlockLoginForm username={u.username} />
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
