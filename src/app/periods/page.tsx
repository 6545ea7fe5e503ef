import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { listPeriods } from "@/server/periods/queries";
import { listPlanYears } from "@/server/plans/queries";
import { DeadlineForm } from "@/components/periods/period-forms";
import { PeriodList } from "@/components/periods/period-list";
import { Section } from "@/components/common/badges";
import { deadlineDay } from "@/domain/periods";
import { TechDetails } from "@/components/common/tech-details";
import { intParam, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "调度期" };

export default async function PeriodsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("data.read", "/periods");
  const sp = await searchParams;
  const prisma = db();
  const years = await listPlanYears(prisma);
  const requested = intParam(sp, "year");
  const year = requested !== undefined && years.includes(requested) ? requested : years[0];
  const periods = year === undefined ? [] : await listPeriods(prisma, year);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">调度期{year !== undefined && `（${year}年）`}</h1>
        <p className="mt-1 text-sm text-slate-600">
          每月一个调度期：县区在截止日前填报并提交，园区审核后发布。领导看到的是最近一次发布的数据；重新开放须说明原因，原发布记录保留可查。
        </p>
      </div>
      {years.length > 1 && (
        <nav aria-label="年度" className="flex gap-2 text-sm">
          {years.map((y) => (
            <Link key={y} href={`/periods?year=${y}`} aria-current={y === year ? "page" : undefined} className={y === year ? "font-semibold" : "text-sky-700 hover:underline"}>
              {y}年
            </Link>
          ))}
        </nav>
      )}
      {can(actor, { action: "period.manage" }) && (
        <Section title="开放调度期" id="open-period">
          <p className="mb-2 text-sm text-slate-600">县区首次填报某月时，该月调度期自动开放，截止日为次月{deadlineDay()}日。也可提前开放或指定截止日：</p>
          <div className="mb-2">
            <TechDetails testId="deadline-setting">默认截止日由服务器配置项 REPORT_DEADLINE_DAY 设定（1–28，未设置时为 5），修改后重启服务生效，见运维文档。</TechDetails>
          </div>
          <DeadlineForm label="开放" />
        </Section>
      )}
      <PeriodList periods={periods} />
    </div>
  );
}
