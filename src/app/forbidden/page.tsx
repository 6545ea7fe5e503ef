import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "无权访问" };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-xl font-semibold">无权访问</h1>
      <p className="mt-2 text-slate-600">您的账号没有访问该页面的权限。如有需要，请联系园区管理员。</p>
      {/* / is each account's own landing page (the overview, the to-do page or the audit log) */}
      <Link href="/" className="mt-4 inline-block text-sky-700 underline">
        返回首页
      </Link>
    </div>
  );
}
