import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { getProjectDetail } from "@/server/projects/queries";
import { getProjectBenefits } from "@/server/benefits/queries";
import { BenefitsSection } from "@/components/benefits/benefit-sections";
import { currentActorOrNull } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
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
import { ProjectFundingSection } from "@/components/funding/project-funding";

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
  const benefits = p.actualProductionMonth ? await getProjectBenefits(db(), p.code) : null;
  const actor = await currentActorOrNull();
  const mayEnter = benefits !== null && can(actor, "benefit.write", { parkId: p.parkId });
  return (
    <div className="space-y-6">
      <ProjectHeader p={p} />
      <ProjectPublicationNote p={p} />
      <ProjectWarningSection p={p} />
      <ProjectFactsSection p={p} />
      <ProjectFundingSection projectId={p.id} year={p.planEntries[0]?.plan.year} />
      <ProjectHistorySection p={p} />
      <ProjectNodeSections p={p} />
      {benefits && <BenefitsSection b={benefits} entryHref={mayEnter ? `/benefits/${encodeURIComponent(p.code)}` : undefined} />}
      <ProjectReportsSection p={p} />
      <ProjectIssuesSection p={p} />
    </div>
  );
}
