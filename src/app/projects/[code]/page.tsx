import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { getProjectDetail } from "@/server/projects/queries";
import {
  ProjectFactsSection,
  ProjectHeader,
  ProjectHistorySection,
  ProjectIssuesSection,
  ProjectNodeSections,
  ProjectPublicationNote,
  ProjectReportsSection,
  ProjectWarningSection,
} from "@/components/projects/project-sections";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

function decode(code: string): string {
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const project = await db().project.findUnique({ where: { code: decode(code) }, select: { name: true } });
  return { title: project ? project.name : "项目不存在" };
}

export default async function ProjectPage({ params }: Props) {
  const { code } = await params;
  const p = await getProjectDetail(db(), decode(code));
  if (!p) notFound();
  return (
    <div className="space-y-6">
      <ProjectHeader p={p} />
      <ProjectPublicationNote p={p} />
      <ProjectWarningSection p={p} />
      <ProjectFactsSection p={p} />
      <ProjectHistorySection p={p} />
      <ProjectNodeSections p={p} />
      <ProjectReportsSection p={p} />
      <ProjectIssuesSection p={p} />
    </div>
  );
}
