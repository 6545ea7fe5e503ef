import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { getProjectForEdit } from "@/server/projects/queries";
import { listParks } from "@/server/parks/queries";
import { ProjectForm } from "@/components/admin/project-form";
import { MilestonesForm, PlannedInvestmentForm } from "@/components/admin/schedule-forms";
import { FundingPlanForm } from "@/components/admin/funding-plan-form";
import { businessDate } from "@/lib/month";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "编辑项目" };

export default async function EditProjectPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ year?: string }> }) {
  const { code: raw } = await params;
  const code = decodeURIComponent(raw);
  await requirePermission("project.manage", `/admin/projects/${raw}/edit`);
  const prisma = db();
  const project = await getProjectForEdit(prisma, code);
  const parks = await listParks(prisma);
  if (!project) notFound();
  const listYears = project.planEntries.map((e) => e.plan.year).sort();
  const today = businessDate();
  const requested = Number((await searchParams).year);
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : (listYears.at(-1) ?? Number(today.slice(0, 4)));
  const str = (x: { toString(): string } | null | undefined) => (x === null || x === undefined ? "" : x.toString());
  const defaults: Record<string, string> = {
    code: project.code,
    name: project.name,
    parkId: String(project.parkId),
    enterprise: str(project.enterprise),
    industry: str(project.industry),
    level: str(project.level),
    totalInvestment: project.totalInvestment.toString(),
    plannedStartMonth: str(project.plannedStartMonth),
    actualStartMonth: str(project.actualStartMonth),
    plannedProductionMonth: str(project.plannedProductionMonth),
    actualProductionMonth: str(project.actualProductionMonth),
    status: project.status,
    constructionContent: project.constructionContent,
    expectedOutput: str(project.expectedOutput),
    expectedOutputAtLeast: project.expectedOutputAtLeast ? "on" : "",
    expectedJobs: str(project.expectedJobs),
    expectedJobsAtLeast: project.expectedJobsAtLeast ? "on" : "",
    expectedTax: str(project.expectedTax),
    expectedTaxAtLeast: project.expectedTaxAtLeast ? "on" : "",
    responsibleLeader: str(project.responsibleLeader),
    contactName: str(project.contactName),
    contactPhone: str(project.contactPhone),
  };
  project.metrics.forEach((m, i) => {
    defaults[`metricName_${i}`] = m.name;
    defaults[`metricValue_${i}`] = m.value.toString();
    defaults[`metricUnit_${i}`] = m.unit;
    defaults[`metricQualifier_${i}`] = m.qualifier ?? "";
  });
  const months = Object.fromEntries(project.plannedMonths.filter((m) => m.month.startsWith(`${year}-`)).map((m) => [`m_${m.month}`, m.cumulativePlanned.toString()]));
  const dates: Record<string, string> = {};
  // one node per kind in the plan form (the first, in plan order)
  for (const m of [...project.milestones].reverse()) {
    if (m.plannedDate) dates[`planned_${m.kind}`] = m.plannedDate.toISOString().slice(0, 10);
    if (m.actualDate) dates[`actual_${m.kind}`] = m.actualDate.toISOString().slice(0, 10);
    if (m.responsibleUnit) dates[`unit_${m.kind}`] = m.responsibleUnit;
    if (m.responsiblePerson) dates[`person_${m.kind}`] = m.responsiblePerson;
    if (m.evidence) dates[`evidence_${m.kind}`] = m.evidence;
  }
  const yearChoices = [...new Set([...listYears, year, Number(today.slice(0, 4))])].sort();

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <Link href="/admin" className="text-sm text-sky-700 hover:underline">
        ← 返回管理
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{project.name}</h1>
        <p className="text-sm text-slate-600">
          {project.code} · {project.park.name} · 版本 {project.version}
          {listYears.length > 0 ? ` · 列入${listYears.join("、")}年清单` : " · 未列入任何年度清单"}
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <ProjectForm mode="edit" version={project.version} defaults={defaults} parks={parks} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4" id="planned">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-medium">{year}年倒排工期：计划累计投资（万元）</h2>
          <nav className="flex gap-2 text-sm" aria-label="年度">
            {yearChoices.map((y) => (
              <Link key={y} href={`?year=${y}#planned`} className={y === year ? "font-semibold" : "text-sky-700 hover:underline"}>
                {y}年
              </Link>
            ))}
          </nav>
        </div>
        <PlannedInvestmentForm key={year} code={project.code} version={project.version} year={year} months={months} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4" id="funding">
        <h2 className="mb-3 font-medium">资金计划（按来源，万元）</h2>
        <FundingPlanForm code={project.code} version={project.version} plans={Object.fromEntries(project.fundingPlans.map((f) => [`plan_${f.source}`, f.planned.toString()]))} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-medium">节点计划</h2>
        <MilestonesForm code={project.code} version={project.version} dates={dates} today={today} />
      </section>
    </div>
  );
}
