import type { Metadata } from "next";
import { db } from "@/server/db";
import { currentSessionId, requireActor } from "@/server/auth/current";
import { getOwnAccount, listOwnSessions } from "@/server/account/queries";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { ROLE_LABEL } from "@/lib/labels";
import { formatDateTime } from "@/lib/month";
import { passwordMinLength } from "@/domain/password-rule";
import { sessionIdleMinutes } from "@/domain/session-rules";
import { ACCOUNT_PATH } from "@/lib/account-paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "我的账号" };

/** 我的账号: for every role — change one's password, see and end one's sessions. */
export default async function AccountPage() {
  const actor = await requireActor(ACCOUNT_PATH);
  const prisma = db();
  const [account, sessions] = await Promise.all([getOwnAccount(prisma, actor), listOwnSessions(prisma, actor, await currentSessionId())]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">我的账号</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">用户名</dt>
          <dd>{account.username}</dd>
          <dt className="text-slate-500">姓名</dt>
          <dd>{account.displayName}</dd>
          <dt className="text-slate-500">角色</dt>
          <dd>
            {ROLE_LABEL[account.role]}
            {account.park && `（${account.park.name}）`}
          </dd>
          <dt className="text-slate-500">密码</dt>
          <dd data-testid="password-changed-at">{account.passwordChangedAt ? `${formatDateTime(account.passwordChangedAt)} 修改` : "账号创建后未由本人修改过"}</dd>
        </dl>
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">修改密码</h2>
        <p className="text-sm text-slate-600">修改后，您在其他设备和浏览器上的登录会全部结束，本次登录保留。</p>
        <ChangePasswordForm passwordMin={passwordMinLength()} />
      </section>
      <section className="space-y-3">
        <h2 className="font-medium">登录会话（{sessions.length}个）</h2>
        <SessionList sessions={sessions} idleMinutes={sessionIdleMinutes()} />
      </section>
    </div>
  );
}
