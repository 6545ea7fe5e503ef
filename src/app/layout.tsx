import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "园区重大项目调度平台", template: "%s · 园区重大项目调度平台" },
  description: "市工业园区重大项目计划、月度调度、问题台账与报告",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-slate-900">
              园区重大项目调度平台
            </Link>
            <nav aria-label="主导航" className="flex gap-4 text-sm text-slate-600">
              <Link href="/" className="rounded px-1 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600">
                概览
              </Link>
              <Link href="/projects" className="rounded px-1 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600">
                项目库
              </Link>
            </nav>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
