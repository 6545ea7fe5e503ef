import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { parkScope } from "@/server/auth/permissions";
import { listParks } from "@/server/parks/queries";
import { listProjectChoices } from "@/server/projects/queries";
import { IssueForm } from "@/components/issues/issue-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "反映问题" };

export default async function NewIssuePage() {
  const actor = await requirePermission("issue.write", "/issues/new");
  const prisma = db();
  const scope = parkScope(actor, "issue.write") ?? null;
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
