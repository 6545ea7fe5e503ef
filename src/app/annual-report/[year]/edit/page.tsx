import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { yearParam } from "@/lib/route-params";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { listPlanYears } from "@/server/plans/queries";
import { listReportSections } from "@/server/documents/queries";
import { DeleteSectionForm, SectionForm } from "@/components/documents/section-forms";
import { Section } from "@/components/common/badges";
import { REPORT_TEXT_KEYS, type ReportTextKey } from "@/lib/schemas/report-text";
import { PLAN_PLACEHOLDERS, chineseNumber } from "@/domain/report-wording";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "编辑报告文字" };

const numberLabel = (key: ReportTextKey, i: number) => (key === "plan-work" ? `${chineseNumber(i + 1)}是` : `（${chineseNumber(i + 1)}）`);

// The report's stored text of a year (admins: document.edit): 一、(一) measures and 三、下一步工作计划.
export default async function EditReportTextPage({ params }: { params: Promise<{ year: string }> }) {
  const { year: raw } = await params;
  const year = yearParam(raw);
  if (year === null) notFound();
  await requirePermission("document.edit", `/annual-report/${year}/edit`);
  const prisma = db();
  const [years, sections] = await Promise.all([listPlanYears(prisma), listReportSections(prisma, year)]);
  if (!years.includes(year)) notFound();
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={`/annual-report/${year}`} className="text-sky-700 hover:underline">
            {year}年情况报告
          </Link>{" "}
          / 编辑报告文字
        </p>
        <h1 className="mt-1 text-2xl font-semibold">编辑{year}年报告文字</h1>
        <p className="mt-1 text-sm text-slate-600">
          这些文字按年度保存，生成报告时原样写入。正文中可用占位符，生成时按年度计划填入：
          {PLAN_PLACEHOLDERS.map((p) => `{${p}}`).join("、")}。每次保存都记入操作日志。
        </p>
        <p className="mt-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900" data-testid="text-next-publication">
          已发布月份的情况报告保留发布时的文字，此处的修改不会改变它们；修改从下一次发布调度期起写入报告（已发布的月份须重新开放并再次发布）。
          <Link href={`/annual-report/${year}?preview=text`} className="ml-1 text-sky-700 hover:underline" data-testid="text-preview-link">
            预览按当前文字生成的报告
          </Link>
        </p>
      </div>
      {(Object.keys(REPORT_TEXT_KEYS) as ReportTextKey[]).map((key) => {
        const rows = sections.filter((s) => s.key === key);
        return (
          <Section key={key} title={REPORT_TEXT_KEYS[key]} id={`text-${key}`}>
            <div className="space-y-4">
              {rows.map((s, i) => (
                <div key={s.id} className="space-y-2">
                  <SectionForm year={year} sectionKey={key} id={s.id} version={s.version} title={s.title} body={s.body} numberLabel={numberLabel(key, i)} />
                  <DeleteSectionForm year={year} id={s.id} version={s.version} numberLabel={numberLabel(key, i)} />
                </div>
              ))}
              <SectionForm year={year} sectionKey={key} id={null} version={0} title="" body="" numberLabel={`新增${numberLabel(key, rows.length)}`} />
            </div>
          </Section>
        );
      })}
    </div>
  );
}
