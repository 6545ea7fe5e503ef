import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { requireActor } from "@/server/auth/current";
import { listParks } from "@/server/parks/queries";
import { listProjectChoices } from "@/server/projects/queries";
import { IssueForm } from "@/components/issues/issue-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "反映问题" };

export default async function NewIssuePage() {
  const actor = await requireActor("/issues/new");
  if (actor.role === "LEADER" || (actor.role === "COUNTY" && actor.parkId === null)) redirect("/forbidden");
  const prisma = db();
  const scope = actor.role === "COUNTY" ? actor.parkId : null;
  const projects = await listProjectChoices(prisma, scope);
  const parks = await listParks(prisma);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/issues" className="text-sm text-sky-700 hover:underline">
        ← 返回问题台账
      </Link>
      <h1 className="text-2xl font-semibold">反映问题</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <IssueForm projects={projects} parks={scope === null ? parks : parks.filter((p) => p.id === scope)} />
      </section>
    </div>
  );
}
