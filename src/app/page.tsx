import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActorOrNull } from "@/server/auth/current";
import { landingPath } from "@/server/auth/permissions";
import { OverviewPage } from "@/components/overview/overview-page";
import type { RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "概览" };

// / : the leaders' landing page, the overview. County staff and admins land on /todo instead
// (src/proxy.ts, landingPath in src/server/auth/permissions.ts); everyone reaches the overview at /overview.
export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const landing = landingPath(await currentActorOrNull());
  if (landing !== "/") redirect(landing);
  return <OverviewPage searchParams={searchParams} />;
}
