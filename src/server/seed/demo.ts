// Loads seed-data/demo/ — the clearly marked demo set (演示数据) — on top of the seed report.
// Every row it adds is marked isDemo. It never overwrites or contradicts the report: a month
// that already has a report (e.g. the report's own 2024-11 figures) is left as it is.
// Idempotent: what exists is skipped.
import { ISSUE_SUBCATEGORY_CODES, ISSUE_TOP_CATEGORIES, isIssueCategoryPair } from "@/domain/issue-categories";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/generated/prisma/client";
import { dayToDate, formatDay } from "@/lib/month";
import { addDays } from "@/domain/nodes";
import { benefitPeriodEnd } from "@/domain/benefits";
import { amount, month, readDataset, type Dataset } from "./seed-report";
import { FUNDING_SOURCES, FUNDS_COLUMN, type FundingSource } from "@/domain/funding-sources";

const day = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);

const projectsSchema = z.object({
  year: z.number().int(),
  /** the demo's date (演示日期): its business "today" (runtime/start.ts), the day its story is told */
  demoDate: day,
  projects: z.array(
    z.object({
      code: z.string().startsWith("DEMO-"),
      name: z.string(),
      park: z.string(),
      enterprise: z.string().optional(),
      industry: z.string(),
      totalInvestment: amount,
      annualPlannedInvestment: amount.optional(),
      plannedStartMonth: month.optional(),
      actualStartMonth: month.optional(),
      plannedProductionMonth: month.optional(),
      actualProductionMonth: month.optional(),
      /** 入库 month (演示) */
      statsEnteredMonth: month.optional(),
      status: z.enum(["NOT_STARTED", "UNDER_CONSTRUCTION", "IN_PRODUCTION", "COMPLETED"]),
      constructionContent: z.string(),
      responsibleLeader: z.string().optional(),
      contactName: z.string().optional(),
      contactPhone: z.string().optional(),
    }),
  ),
});
const plannedSchema = z.object({ planned: z.record(z.string(), z.record(month, amount)) });
const reportsSchema = z.object({
  reports: z.array(
    z.object({
      code: z.string(),
      month,
      status: z.enum(["APPROVED", "SUBMITTED"]),
      revisions: z
        .array(
          z.object({
            cumulative: amount,
            monthInvestment: amount.nullable(),
            progressText: z.string(),
            explanation: z.string().optional(),
            returned: z.string().optional(),
          }),
        )
        .min(1),
    }),
  ),
});
const milestonesSchema = z.object({
  milestones: z.record(
    z.string(),
    // [kind, name, planned, actual, 责任单位, 责任人]; a planned day may be "today+N" / "today-N",
    // counted from the day the demo is loaded, so that the demo always has 临期 and 超期 nodes
    z.array(
      z.tuple([
        z.enum(["LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "START", "MAIN_STRUCTURE", "EQUIPMENT", "PRODUCTION", "STATS_ENTRY", "COMPLETION", "FULL_PRODUCTION", "OTHER"]),
        z.string(),
        z.union([day, z.string().regex(/^today[+-][0-9]{1,3}$/)]).nullable(),
        day.nullable(),
        z.string().optional(),
        z.string().optional(),
      ]),
    ),
  ),
});
const issuesSchema = z.object({
  issues: z.array(
    z
      .object({
        project: z.string().optional(),
        park: z.string().optional(),
        category: z.enum(ISSUE_TOP_CATEGORIES),
        // a sub-category code under the category (src/domain/issue-categories.ts)
        subCategory: z.enum(ISSUE_SUBCATEGORY_CODES as [string, ...string[]]),
        title: z.string().startsWith("（演示）"),
        description: z.string(),
        responsibleUnit: z.string(),
        responsibleLeader: z.string().optional(),
        raisedDate: day,
        dueDate: day,
        status: z.enum(["OPEN", "ASSIGNED", "IN_PROGRESS", "FEEDBACK", "CLOSED"]),
        acknowledgedDate: day.optional(),
        feedbackDate: day.optional(),
        feedback: z.string().optional(),
        closedDate: day.optional(),
        resolution: z.string().optional(),
      })
      .refine((i) => isIssueCategoryPair(i.category, i.subCategory), { message: "问题子类不属于该类别", path: ["subCategory"] }),
  ),
});

/** 达产与效益 of the demo's projects in production: what they promised, and their approved years (演示数据). */
const benefitsSchema = z.object({
  promises: z.record(
    z.string().startsWith("DEMO-"),
    z.object({
      expectedOutput: amount.optional(),
      expectedOutputAtLeast: z.boolean().optional(),
      expectedJobs: z.number().int().optional(),
      expectedJobsAtLeast: z.boolean().optional(),
      expectedTax: amount.optional(),
      expectedTaxAtLeast: z.boolean().optional(),
      metrics: z.array(z.object({ name: z.string(), value: z.string(), unit: z.string(), qualifier: z.string().nullable() })).optional(),
    }),
  ),
  reports: z.array(
    z.object({
      code: z.string().startsWith("DEMO-"),
      year: z.number().int(),
      quarter: z.number().int().min(0).max(4),
      status: z.enum(["APPROVED", "SUBMITTED"]),
      output: amount.optional(),
      tax: amount.optional(),
      jobs: z.number().int().optional(),
      metrics: z.record(z.string(), z.string()).optional(),
      note: z.string().optional(),
    }),
  ),
});

/** 资金到位 (演示): funding plans by source, the money in place by source of each demo month, 资金问题 sources and 缺口 */
const fundingAmounts = z.partialRecord(z.enum(FUNDING_SOURCES), amount);
const fundingSchema = z.object({
  plans: z.record(z.string().startsWith("DEMO-"), fundingAmounts),
  inPlace: z.record(z.string().startsWith("DEMO-"), z.record(month, fundingAmounts)),
  issues: z.record(z.string().startsWith("（演示）"), z.object({ source: z.enum(FUNDING_SOURCES), gap: amount })),
});

/** The demo's files (in `seed-data/demo/`) and the schema each is checked against. */
const DEMO_FILES = {
  projects: ["projects.json", projectsSchema],
  planned: ["planned.json", plannedSchema],
  reports: ["reports.json", reportsSchema],
  milestones: ["milestones.json", milestonesSchema],
  issues: ["issues.json", issuesSchema],
  benefits: ["benefits.json", benefitsSchema],
  funding: ["funding.json", fundingSchema],
} as const;

export type DemoDataset = Dataset<typeof DEMO_FILES>;

export function readDemoDataset(dir: string): DemoDataset {
  return readDataset(path.join(dir, "demo"), DEMO_FILES);
}

/** The day after the end of `month`, plus `n` days: when a demo event pretends to have happened. */
function eventTime(month: string, n: number): Date {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 3 + n, 2, 0, 0));
}

/** A demo day: "YYYY-MM-DD" as it is, "today+N" counted from the demo's date. */
function demoDay(value: string, demoDate: string): string {
  const m = /^today([+-][0-9]+)$/.exec(value);
  return m ? addDays(demoDate, Number(m[1])) : value;
}

export async function seedDemo(prisma: Db, data: DemoDataset): Promise<Record<string, number>> {
  return prisma.$transaction(
    async (tx) => {
      const created: Record<string, number> = {};
      const count = (what: string) => (created[what] = (created[what] ?? 0) + 1);
      // the demo's date, recorded once (a second run keeps the first): every app server on this
      // database takes it as its business "today" unless APP_TODAY is set (runtime/start.ts)
      const recorded = await tx.demoSettings.findUnique({ where: { id: 1 } });
      if (!recorded) {
        await tx.demoSettings.create({ data: { id: 1, demoDate: dayToDate(data.projects.demoDate) } });
        count("demoDate");
      }
      const demoDate = recorded ? recorded.demoDate.toISOString().slice(0, 10) : data.projects.demoDate;
      const plan = await tx.annualPlan.findUnique({ where: { year: data.projects.year } });
      if (!plan) throw new Error(`演示数据需要先载入${data.projects.year}年计划`);

      const parks = new Map((await tx.park.findMany()).map((p) => [p.name, p.id]));
      const parkId = (name: string) => {
        const id = parks.get(name);
        if (id === undefined) throw new Error(`演示数据中的园区「${name}」不存在`);
        return id;
      };

      for (const [i, p] of data.projects.projects.entries()) {
        let project = await tx.project.findUnique({ where: { code: p.code } });
        if (!project) {
          const { park, annualPlannedInvestment, ...fields } = p;
          project = await tx.project.create({
            data: { ...fields, parkId: parkId(park), level: "市级重大项目", isDemo: true, source: "演示数据" },
          });
          count("project");
        }
        const entry = await tx.annualPlanEntry.findUnique({ where: { planId_projectId: { planId: plan.id, projectId: project.id } } });
        if (!entry) {
          await tx.annualPlanEntry.create({
            data: { planId: plan.id, projectId: project.id, annualPlannedInvestment: p.annualPlannedInvestment ?? null, sortOrder: 100 + i },
          });
          count("annualPlanEntry");
        }
      }

      const projectIds = new Map((await tx.project.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
      const projectId = (code: string) => {
        const id = projectIds.get(code);
        if (id === undefined) throw new Error(`演示数据中的项目「${code}」不存在`);
        return id;
      };

      for (const [code, plan] of Object.entries(data.funding.plans)) {
        const id = projectId(code);
        for (const [source, planned] of Object.entries(plan) as Array<[FundingSource, string]>) {
          const existing = await tx.projectFundingPlan.findUnique({ where: { projectId_source: { projectId: id, source } } });
          if (!existing) {
            await tx.projectFundingPlan.create({ data: { projectId: id, source, planned, isDemo: true } });
            count("fundingPlan");
          }
        }
      }

      for (const [code, months] of Object.entries(data.planned.planned)) {
        const id = projectId(code);
        for (const [m, cumulativePlanned] of Object.entries(months)) {
          const existing = await tx.plannedInvestment.findUnique({ where: { projectId_month: { projectId: id, month: m } } });
          if (!existing) {
            await tx.plannedInvestment.create({ data: { projectId: id, month: m, cumulativePlanned, isDemo: true } });
            count("plannedInvestment");
          }
        }
      }

      for (const r of data.reports.reports) {
        const id = projectId(r.code);
        // never overwrite a month that already has a report (the seed report's own figures)
        const existing = await tx.monthlyReport.findUnique({ where: { projectId_month: { projectId: id, month: r.month } } });
        if (existing) continue;
        const report = await tx.monthlyReport.create({ data: { projectId: id, month: r.month, status: "DRAFT", isDemo: true } });
        let status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" = "DRAFT";
        let n = 0;
        let last: { id: number } | null = null;
        const inPlace = data.funding.inPlace[r.code]?.[r.month] ?? {};
        const funds = Object.fromEntries(FUNDING_SOURCES.map((s) => [FUNDS_COLUMN[s], inPlace[s] ?? null]));
        for (const [i, rev] of r.revisions.entries()) {
          const revision = await tx.monthlyReportRevision.create({
            data: {
              report: { connect: { id: report.id } },
              revisionNo: i + 1,
              monthInvestment: rev.monthInvestment,
              cumulativeInvestment: rev.cumulative,
              progressText: rev.progressText,
              explanation: rev.explanation ?? null,
              ...funds,
              createdAt: eventTime(r.month, n),
            },
          });
          last = revision;
          await tx.reportEvent.create({
            data: {
              reportId: report.id,
              revisionId: revision.id,
              action: "SUBMIT",
              fromStatus: status,
              toStatus: "SUBMITTED",
              reason: "演示数据",
              createdAt: eventTime(r.month, n++),
            },
          });
          status = "SUBMITTED";
          if (rev.returned) {
            await tx.reportEvent.create({
              data: {
                reportId: report.id,
                revisionId: revision.id,
                action: "RETURN",
                fromStatus: status,
                toStatus: "RETURNED",
                reason: rev.returned,
                createdAt: eventTime(r.month, n++),
              },
            });
            status = "RETURNED";
          }
        }
        if (r.status === "APPROVED") {
          await tx.reportEvent.create({
            data: {
              reportId: report.id,
              revisionId: last!.id,
              action: "APPROVE",
              fromStatus: status,
              toStatus: "APPROVED",
              // an APPROVE event's reason is its 核实说明 (数据质量): the demo approves without one
              reason: null,
              createdAt: eventTime(r.month, n++),
            },
          });
        }
        const lastReturned = r.revisions.at(-1)!.returned;
        await tx.monthlyReport.update({
          where: { id: report.id },
          data: {
            status: r.status === "APPROVED" ? "APPROVED" : lastReturned ? "RETURNED" : "SUBMITTED",
            currentRevisionId: last!.id,
            approvedRevisionId: r.status === "APPROVED" ? last!.id : null,
            returnReason: r.status !== "APPROVED" ? (lastReturned ?? null) : null,
            // last changed at its last event (the to-do's 提交 time), not when the demo was loaded
            updatedAt: eventTime(r.month, Math.max(0, n - 1)),
          },
        });
        count("monthlyReport");
      }

      for (const [code, list] of Object.entries(data.milestones.milestones)) {
        const id = projectId(code);
        for (const [i, [kind, name, planned, actual, unit, person]] of list.entries()) {
          const existing = await tx.milestone.findUnique({ where: { projectId_name: { projectId: id, name } } });
          if (!existing) {
            await tx.milestone.create({
              data: {
                projectId: id,
                kind,
                name,
                plannedDate: planned ? dayToDate(demoDay(planned, demoDate)) : null,
                actualDate: actual ? dayToDate(actual) : null,
                responsibleUnit: unit ?? null,
                responsiblePerson: person ?? null,
                sortOrder: i,
                isDemo: true,
              },
            });
            count("milestone");
          }
        }
      }

      for (const [i, issue] of data.issues.issues.entries()) {
        const existing = await tx.issue.findUnique({ where: { year_title: { year: data.projects.year, title: issue.title } } });
        if (existing) continue;
        const pid = issue.project ? projectId(issue.project) : null;
        const project = pid ? await tx.project.findUniqueOrThrow({ where: { id: pid } }) : null;
        const assigned = issue.status !== "OPEN";
        const created = await tx.issue.create({
          data: {
            year: data.projects.year,
            projectId: pid,
            parkId: project ? project.parkId : issue.park ? parkId(issue.park) : null,
            category: issue.category,
            subCategory: issue.subCategory,
            title: issue.title,
            description: issue.description,
            responsibleUnit: issue.responsibleUnit,
            responsibleLeader: issue.responsibleLeader ?? null,
            raisedDate: dayToDate(issue.raisedDate),
            dueDate: dayToDate(issue.dueDate),
            status: issue.status,
            assignedDate: assigned ? dayToDate(issue.raisedDate) : null,
            acknowledgedDate: issue.acknowledgedDate ? dayToDate(issue.acknowledgedDate) : null,
            feedbackDate: issue.feedbackDate && issue.status !== "IN_PROGRESS" ? dayToDate(issue.feedbackDate) : null,
            feedback: issue.feedback ?? null,
            closedDate: issue.closedDate ? dayToDate(issue.closedDate) : null,
            resolution: issue.resolution ?? null,
            fundingSource: data.funding.issues[issue.title]?.source ?? null,
            fundingGap: data.funding.issues[issue.title]?.gap ?? null,
            source: "演示数据",
            sortOrder: 100 + i,
            isDemo: true,
          },
        });
        // its 办理过程, step by step, on the dates given (09:00 China time)
        const at = (d: string) => new Date(`${d}T09:00:00+08:00`);
        const steps: Array<[string, string, "OPEN" | "ASSIGNED" | "IN_PROGRESS" | "FEEDBACK" | "CLOSED", "OPEN" | "ASSIGNED" | "IN_PROGRESS" | "FEEDBACK" | "CLOSED", string]> = [];
        if (assigned)
          steps.push([
            issue.raisedDate,
            "assign",
            "OPEN",
            "ASSIGNED",
            `（演示数据）责任单位：${issue.responsibleUnit}；包保领导：${issue.responsibleLeader ?? "—"}；办结时限：${formatDay(dayToDate(issue.dueDate))}`,
          ]);
        if (issue.acknowledgedDate) steps.push([issue.acknowledgedDate, "acknowledge", "ASSIGNED", "IN_PROGRESS", "（演示数据）已签收"]);
        if (issue.feedbackDate && issue.feedback) steps.push([issue.feedbackDate, "feedback", "IN_PROGRESS", "FEEDBACK", issue.feedback]);
        if (issue.status === "CLOSED" && issue.closedDate) steps.push([issue.closedDate, "accept", "FEEDBACK", "CLOSED", "（演示数据）同意办结"]);
        for (const [d, action, fromStatus, toStatus, text] of steps) {
          await tx.issueUpdate.create({ data: { issueId: created.id, action, fromStatus, toStatus, text, createdAt: at(d) } });
        }
        count("issue");
      }

      // 达产与效益: the promises of demo projects that state none yet, and their benefit reports
      for (const [code, promise] of Object.entries(data.benefits.promises)) {
        const project = await tx.project.findUniqueOrThrow({ where: { code }, include: { metrics: true } });
        if (project.expectedOutput !== null || project.expectedJobs !== null || project.expectedTax !== null || project.metrics.length > 0) continue;
        const { metrics, ...figures } = promise;
        await tx.project.update({ where: { id: project.id }, data: { ...figures, metrics: metrics ? { create: metrics.map((m, i) => ({ ...m, sortOrder: i })) } : undefined } });
        count("benefitPromise");
      }
      for (const b of data.benefits.reports) {
        const id = projectId(b.code);
        if (await tx.benefitReport.findUnique({ where: { projectId_year_quarter: { projectId: id, year: b.year, quarter: b.quarter } } })) continue;
        const at = eventTime(benefitPeriodEnd(b.year, b.quarter), 0);
        const report = await tx.benefitReport.create({ data: { projectId: id, year: b.year, quarter: b.quarter, status: b.status, isDemo: true } });
        const metrics = Object.entries(b.metrics ?? {}).map(([name, value]) => {
          const unit = data.benefits.promises[b.code]?.metrics?.find((m) => m.name === name)?.unit;
          if (!unit) throw new Error(`演示效益数据中项目「${b.code}」没有指标「${name}」`);
          return { name, unit, value };
        });
        const revision = await tx.benefitRevision.create({
          data: { reportId: report.id, revisionNo: 1, output: b.output ?? null, tax: b.tax ?? null, jobs: b.jobs ?? null, metrics, note: b.note ?? null, createdAt: at },
        });
        await tx.benefitEvent.create({ data: { reportId: report.id, revisionId: revision.id, action: "SUBMIT", fromStatus: null, toStatus: "SUBMITTED", createdAt: at } });
        if (b.status === "APPROVED") {
          await tx.benefitEvent.create({
            data: {
              reportId: report.id,
              revisionId: revision.id,
              action: "APPROVE",
              fromStatus: "SUBMITTED",
              toStatus: "APPROVED",
              createdAt: eventTime(benefitPeriodEnd(b.year, b.quarter), 2),
            },
          });
        }
        await tx.benefitReport.update({
          where: { id: report.id },
          data: { currentRevisionId: revision.id, approvedRevisionId: b.status === "APPROVED" ? revision.id : null },
        });
        count("benefitReport");
      }

      if (Object.keys(created).length > 0) {
        await tx.auditLog.create({
          data: { actor: "system", action: "seed", entity: "Dataset", entityId: "demo", after: created as Prisma.InputJsonObject },
        });
      }
      return created;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** The demo's date the database records ("YYYY-MM-DD"), or null without the demo set. */
export async function readDemoDate(prisma: Db): Promise<string | null> {
  const row = await prisma.demoSettings.findUnique({ where: { id: 1 } });
  return row ? row.demoDate.toISOString().slice(0, 10) : null;
}
