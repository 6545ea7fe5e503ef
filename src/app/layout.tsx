import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/layout/site-header";
import { currentActorOrNull } from "@/server/auth/current";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "园区重大项目调度平台", template: "%s · 园区重大项目调度平台" },
  description: "市工业园区重大项目计划、月度调度、问题台账与报告",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <SiteHeader actor={await currentActorOrNull()} />
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
