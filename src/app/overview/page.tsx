import type { Metadata } from "next";
import { OverviewPage } from "@/components/overview/overview-page";
import type { RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "概览" };

// /overview: the overview (驾驶舱) for everyone, from the menu; / is the same page for leaders.
export default function OverviewRoute({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <OverviewPage searchParams={searchParams} />;
}
