// Loads seed-data/ (the 2024 report) into the database. Idempotent: what exists is left as
// it is (including edits made in the app since), what is missing is created.
import { ISSUE_SUBCATEGORY_CODES, ISSUE_TOP_CATEGORIES, isIssueCategoryPair } from "@/domain/issue-categories";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import { parseAmountToWan } from "@/lib/money";
import { dayToDate, MONTH_PATTERN } from "@/lib/month";
import { Prisma } from "@/generated/prisma/client";

/** An amount as the seed files write it ("33亿元", "5000万元"), converted exactly to 万元. */
export const amount = z.string().transform((s, ctx) => {
  try {
    return parseAmountToWan(s).toString();
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message });
    return z.NEVER;
  }
});
export const month = z.string().regex(MONTH_PATTERN);

const planSchema = z.object({
  year: z.number().int(),
  title: z.string(),
  declaredProjectCount: z.number().int().nonnegative(),
  declaredTotalInvestment: amount,
  declaredAnnualInvestment: amount,
  startDeadline: z.string(),
  startTargetShare: z.string(),
  startTargetLabel: z.string(),
  productionDeadline: z.string(),
  productionTargetShare: z.string().nullable(),
  productionTargetLabel: z.string(),
  targetText: z.string(),
  factorGuarantees: z.array(z.string()),
  source: z.string(),
});

const parksSchema = z.array(z.object({ name: z.string(), county: z.string(), sortOrder: z.number().int() }));

const projectsSchema = z.object({
  source: z.string(),
  asOfMonth: month,
  projects: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      park: z.string(),
      industry: z.string().nullable().optional(),
      totalInvestment: amount,
      actualStartMonth: month.nullable().optional(),
      status: z.enum(["NOT_STARTED", "UNDER_CONSTRUCTION", "IN_PRODUCTION", "COMPLETED"]),
      completedInvestment: amount.nullable().optional(),
      constructionContent: z.string(),
      expectedOutput: amount.nullable().optional(),
      expectedOutputAtLeast: z.boolean().optional(),
      expectedJobs: z.number().int().nullable().optional(),
      expectedJobsAtLeast: z.boolean().optional(),
      expectedTax: amount.nullable().optional(),
      expectedTaxAtLeast: z.boolean().optional(),
      metrics: z.array(z.object({ name: z.string(), value: z.string(), unit: z.string(), qualifier: z.string().optional() })),
      reportText: z.string(),
    }),
  ),
});

const issuesSchema = z.object({
  source: z.string(),
  issues: z.array(
    z
      .object({
        category: z.enum(ISSUE_TOP_CATEGORIES),
        // a sub-category code under the category (src/domain/issue-categories.ts)
        subCategory: z.enum(ISSUE_SUBCATEGORY_CODES as [string, ...string[]]),
        title: z.string(),
        description: z.string(),
      })
      .refine((i) => isIssueCategoryPair(i.category, i.subCategory), { message: "问题子类不属于该类别", path: ["subCategory"] }),
  ),
});

const sectionsSchema = z.object({
  source: z.string(),
  sections: z.array(z.object({ key: z.string(), sortOrder: z.number().int(), title: z.string(), body: z.string() })),
});

/** The seed's files (in `seed-data/<year>/`) and the schema each is checked against. */
const SEED_FILES = {
  plan: ["plan.json", planSchema],
  parks: ["parks.json", parksSchema],
  projects: ["projects.json", projectsSchema],
  issues: ["issues.json", issuesSchema],
  sections: ["report-sections.json", sectionsSchema],
} as const;

export type SeedDataset = Dataset<typeof SEED_FILES>;

export function defaultSeedDir(): string {
  return path.resolve(process.env.SEED_DIR || "seed-data");
}

/** Which file holds each part of a dataset, and the schema it must pass. */
export type DatasetFiles = Record<string, readonly [file: string, schema: z.ZodType]>;
/** What a dataset's files hold once read and checked. */
export type Dataset<F extends DatasetFiles> = { [K in keyof F]: z.infer<F[K][1]> };

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads every file of a dataset from `folder`; a file that fails its schema stops the seed, naming the file. */
export function readDataset<F extends DatasetFiles>(folder: string, files: F): Dataset<F> {
  return Object.fromEntries(Object.entries(files).map(([key, [file, schema]]) => [key, readJson(path.join(folder, file), schema)])) as Dataset<F>;
}

export function readSeedDataset(dir: string, year = "2024"): SeedDataset {
  return readDataset(path.join(dir, year), SEED_FILES);
}

export type SeedResult = { created: Record<string, number> };

/** Inserts whatever of the dataset is missing, in one transaction, and audits what it added. */
export async function seedReport(prisma: Db, data: SeedDataset): Promise<SeedResult> {
  return prisma.$transaction(
    async (tx) => {
      const created: Record<string, number> = {};
      const count = (what: string) => (created[what] = (created[what] ?? 0) + 1);

      let plan = await tx.annualPlan.findUnique({ where: { year: data.plan.year } });
      if (!plan) {
        const p = data.plan;
        plan = await tx.annualPlan.create({
          data: {
            year: p.year,
            title: p.title,
            declaredProjectCount: p.declaredProjectCount,
            declaredTotalInvestment: p.declaredTotalInvestment,
            declaredAnnualInvestment: p.declaredAnnualInvestment,
            startDeadline: dayToDate(p.startDeadline),
            startTargetShare: p.startTargetShare,
            startTargetLabel: p.startTargetLabel,
            productionDeadline: dayToDate(p.productionDeadline),
            productionTargetShare: p.productionTargetShare,
            productionTargetLabel: p.productionTargetLabel,
            targetText: p.targetText,
            factorGuarantees: p.factorGuarantees,
            source: p.source,
          },
        });
        count("annualPlan");
      }

      const parkIds = new Map<string, number>();
      for (const park of data.parks) {
        let row = await tx.park.findUnique({ where: { name: park.name } });
        if (!row) {
          row = await tx.park.create({ data: park });
          count("park");
        }
        parkIds.set(park.name, row.id);
      }

      const asOf = data.projects.asOfMonth;
      for (const [index, p] of data.projects.projects.entries()) {
        const parkId = parkIds.get(p.park);
        if (parkId === undefined) throw new Error(`项目「${p.name}」的园区「${p.park}」不在 parks.json 中`);
        let project = await tx.project.findUnique({ where: { code: p.code } });
        if (!project) {
          project = await tx.project.create({
            data: {
              code: p.code,
              name: p.name,
              parkId,
              industry: p.industry ?? null,
              totalInvestment: p.totalInvestment,
              actualStartMonth: p.actualStartMonth ?? null,
              // assumption (seed-data/README.md): a project the report gives 完成固定资产投资 for is in
              // the statistics ("先入库，后有数"), entered in its start month
              statsEnteredMonth: p.completedInvestment ? (p.actualStartMonth ?? null) : null,
              status: p.status,
              constructionContent: p.constructionContent,
              expectedOutput: p.expectedOutput ?? null,
              expectedOutputAtLeast: p.expectedOutputAtLeast ?? false,
              expectedJobs: p.expectedJobs ?? null,
              expectedJobsAtLeast: p.expectedJobsAtLeast ?? false,
              expectedTax: p.expectedTax ?? null,
              expectedTaxAtLeast: p.expectedTaxAtLeast ?? false,
              source: data.projects.source,
              metrics: {
                create: p.metrics.map((m, i) => ({ name: m.name, value: m.value, unit: m.unit, qualifier: m.qualifier ?? null, sortOrder: i })),
              },
            },
          });
          count("project");
        }
        const entry = await tx.annualPlanEntry.findUnique({ where: { planId_projectId: { planId: plan.id, projectId: project.id } } });
        if (!entry) {
          await tx.annualPlanEntry.create({ data: { planId: plan.id, projectId: project.id, sortOrder: index + 1 } });
          count("annualPlanEntry");
        }
        if (p.completedInvestment) {
          const existing = await tx.monthlyReport.findUnique({ where: { projectId_month: { projectId: project.id, month: asOf } } });
          if (!existing) {
            const report = await tx.monthlyReport.create({ data: { projectId: project.id, month: asOf, status: "APPROVED" } });
            const revision = await tx.monthlyReportRevision.create({
              data: {
                report: { connect: { id: report.id } },
                revisionNo: 1,
                monthInvestment: null,
                cumulativeInvestment: p.completedInvestment,
                progressText: `${p.reportText}（据${data.projects.source}）`,
                actualStartMonth: p.actualStartMonth ?? null,
              },
            });
            await tx.monthlyReport.update({
              where: { id: report.id },
              data: { currentRevisionId: revision.id, approvedRevisionId: revision.id },
            });
            await tx.reportEvent.create({
              data: {
                reportId: report.id,
                revisionId: revision.id,
                action: "APPROVE",
                toStatus: "APPROVED",
                reason: `由年度报告导入：${data.projects.source}`,
              },
            });
            count("monthlyReport");
          }
        }
      }

      for (const [index, issue] of data.issues.issues.entries()) {
        const existing = await tx.issue.findUnique({ where: { year_title: { year: data.plan.year, title: issue.title } } });
        if (!existing) {
          await tx.issue.create({
            data: { ...issue, year: data.plan.year, source: data.issues.source, sortOrder: index + 1 },
          });
          count("issue");
        }
      }

      for (const s of data.sections.sections) {
        const existing = await tx.reportSection.findUnique({
          where: { planId_key_sortOrder: { planId: plan.id, key: s.key, sortOrder: s.sortOrder } },
        });
        if (!existing) {
          await tx.reportSection.create({ data: { ...s, planId: plan.id } });
          count("reportSection");
        }
      }

      if (Object.keys(created).length > 0) {
        await tx.auditLog.create({
          data: {
            actor: "system",
            action: "seed",
            entity: "Dataset",
            entityId: `report-${data.plan.year}`,
            after: created as Prisma.InputJsonObject,
          },
        });
      }
      return { created };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
