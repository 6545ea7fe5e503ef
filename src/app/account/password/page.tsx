import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/server/auth/current";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { passwordMinLength } from "@/domain/password-rule";
import { safeRedirect } from "@/lib/safe-redirect";
import { ACCOUNT_PATH, CHANGE_PASSWORD_PATH } from "@/lib/account-paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "修改密码" };

/**
 * 修改密码. Every page leads here while the account's password was set by an administrator (or
 * on the command line): the first sign-in changes it before anything else.
 */
export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const actor = await requireSignedIn(CHANGE_PASSWORD_PATH);
  const { next } = await searchParams;
  const destination = typeof next === "string" ? safeRedirect(next) : undefined;
  const first = !!actor.mustChangePassword;
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">{first ? "请先修改初始密码" : "修改密码"}</h1>
      {first ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="must-change-notice">
          您的密码由管理员设置。为保证只有您本人知道密码，请先设置新密码，然后才能使用系统。
        </p>
      ) : (
        <p className="text-sm text-slate-600">修改后，您在其他设备和浏览器上的登录会全部结束，本次登录保留。</p>
      )}
      <ChangePasswordForm passwordMin={passwordMinLength()} next={destination} first={first} />
      {!first && (
        <Link href={ACCOUNT_PATH} className="inline-block text-sm text-sky-700 hover:underline">
          ← 返回我的账号
        </Link>
      )}
    </div>
  );
}
