import type { Metadata } from "next";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { listParks } from "@/server/parks/queries";
import { ProjectForm } from "@/components/admin/project-form";
import { AdminHeading } from "@/components/admin/admin-heading";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "新建项目" };

export default async function NewProjectPage() {
  await requirePermission("project.manage", "/admin/projects/new");
  const parks = await listParks(db());
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <AdminHeading title="新建项目" />
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <ProjectForm mode="create" version={0} defaults={{ status: "NOT_STARTED" }} parks={parks} />
      </section>
      <p className="text-sm text-slate-600">创建后，在「年度计划与清单」中把项目列入年度清单，并在项目编辑页填写倒排工期和节点目标。</p>
    </div>
  );
}
