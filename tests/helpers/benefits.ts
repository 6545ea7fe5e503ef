// A project in production with the seed's kind of promises, for the 效益填报 tests: 产值50亿元,
// 新增就业150人以上, 税收5000万元以上, and a named metric 年供电量约13亿千瓦时. Created once per
// database (by code), in the given county park; production month 2025-03.
import type { Db } from "../../src/server/db/client";

export const PRODUCING_CODE = "YQ2025-B01";

export async function producingProject(prisma: Db, parkId: number, code = PRODUCING_CODE) {
  const existing = await prisma.project.findUnique({ where: { code } });
  if (existing) return existing;
  return prisma.project.create({
    data: {
      code,
      name: "效益测试项目",
      parkId,
      totalInvestment: "100000",
      actualStartMonth: "2024-03",
      actualProductionMonth: "2025-03",
      status: "IN_PRODUCTION",
      expectedOutput: "500000",
      expectedJobs: 150,
      expectedJobsAtLeast: true,
      expectedTax: "5000",
      expectedTaxAtLeast: true,
      metrics: { create: [{ name: "年供电量", value: "13", unit: "亿千瓦时", qualifier: "约", sortOrder: 0 }] },
    },
  });
}

/** The form of a year's benefits of that project, valid unless overridden. */
export function benefitFields(over: Record<string, string> = {}): Record<string, string> {
  return { projectCode: PRODUCING_CODE, year: "2025", quarter: "0", output: "320000", tax: "4800", jobs: "160", metric_0: "12.5", note: "", version: "0", intent: "save", ...over };
}
