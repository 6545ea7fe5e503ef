import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { defaultReportMonth } from "@/server/monthly-reports/queries";
import { listParks } from "@/server/parks/queries";
import { UploadForm } from "@/components/excel/import-forms";
import { ExportLink } from "@/components/excel/export-link";
import { Section } from "@/components/common/badges";
import { currentMonth, formatMonth, isMonth } from "@/lib/month";
import { param, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "导入调度表" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("monthlyReport.import", "/imports");
  const prisma = db();
  const asked = param(await searchParams, "month");
  const month = asked && isMonth(asked) && asked <= currentMonth() ? asked : await defaultReportMonth(prisma);
  const parks = actor.role === "COUNTY" ? [] : await listParks(prisma);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">
            导入调度表（Excel）· <span className="whitespace-nowrap">{formatMonth(month)}</span>
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            下载本县区园区的导入模板（已预填各项目上月的累计数和形象进度），只改本月变化的数字，上传后逐行预览，确认后一次性提交审核；有任何错误则整个文件不导入。
          </p>
        </div>
        <Link href={`/monthly-report?month=${month}`} className="text-sm text-sky-700 hover:underline">
          返回月度填报
        </Link>
      </div>

      <Section title="1. 下载导入模板" id="import-template">
        {actor.role === "COUNTY" ? (
          <ExportLink href={`/imports/template?month=${month}`} label={`下载${formatMonth(month)}导入模板`} testId="template-link" />
        ) : (
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {parks.map((p) => (
              <li key={p.id}>
                <ExportLink href={`/imports/template?month=${month}&park=${p.id}`} label={`${p.name}模板`} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-xs text-slate-500">
          规则：按“项目代码”匹配项目；金额单位为万元（表头为亿元的文件不予导入，以免差一万倍）；公式按 Excel 保存的计算结果读取；
          不要合并单元格；“本月完成投资”留空的项目不导入；累计数留空或保持模板中的数时，按“上期累计 + 本月”计算。
        </p>
      </Section>

      <Section title="2. 上传填好的文件" id="import-upload">
        <UploadForm month={month} maxMonth={currentMonth()} />
      </Section>
    </div>
  );
}
