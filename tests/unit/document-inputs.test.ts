// The stored inputs of a publication's documents (src/server/documents/inputs.ts) are validated on
// every read: a stored document of another shape is refused, never printed with gaps.
import { describe, expect, it } from "vitest";
import { documentInputsSchema, type DocumentInputs } from "@/server/documents/inputs";

const valid: DocumentInputs = {
  plan: {
    year: 2024,
    title: "市工业园区2024年重大项目计划",
    targetText: "四月底前全部开工，六月底前大部分投产",
    startTargetLabel: "全部开工",
    productionTargetLabel: "大部分投产",
    factorGuarantees: ["土地", "资金"],
    isDemo: false,
    declared: { projectCount: 50, totalInvestment: "1336000", annualInvestment: "336000" },
    startDeadline: "2024-04-30",
    productionDeadline: "2024-06-30",
  },
  periodIsDemo: false,
  issues: { monthRaised: 1, monthClosed: 0, yearRaised: 7, yearClosed: 1, open: 6, overdue: 2, escalated: 1, closureRate: "14.3%" },
  issueGroups: [
    {
      category: "FUNDING",
      subCategory: "FINANCING",
      reportText: [{ description: "企业融资渠道单一。", closed: false }],
      total: 1,
      closed: 0,
      overdue: 1,
      items: [{ title: "项目贷款待审批", closed: false, overdue: true, isDemo: false }],
    },
  ],
  reportSections: [{ id: 1, key: "plan-work", sortOrder: 1, title: "加快推进项目建设", body: "坚持“项目为王”理念。", version: 1, updatedAt: new Date("2024-12-01T00:00:00Z") }],
  projectFacts: [
    {
      code: "YQ2024-001",
      constructionContent: "建设厂房",
      expectedOutput: "500000",
      expectedOutputAtLeast: true,
      expectedJobs: 300,
      expectedJobsAtLeast: false,
      expectedTax: null,
      expectedTaxAtLeast: false,
      metrics: [{ name: "年供热量", value: "41", unit: "万吨标煤", qualifier: "约" }],
    },
  ],
  operations: { nodesOverdue: 2, nodesDueSoon: 0, dueSoonDays: 7, startedNotEntered: 1 },
};

describe("the stored document inputs of a publication", () => {
  it("read back as stored, dates from their JSON text", () => {
    const stored = JSON.parse(JSON.stringify(valid));
    expect(documentInputsSchema.parse(stored)).toEqual(valid);
  });

  it("refuse a document with a count missing, an amount as a number, or an unknown issue category", () => {
    // the stored JSON, edited as a careless writer would
    const broken = (edit: (d: { [k: string]: Record<string, unknown> & Array<Record<string, unknown>> }) => void) => {
      const d = JSON.parse(JSON.stringify(valid));
      edit(d);
      return documentInputsSchema.safeParse(d).success;
    };
    expect(broken(() => {})).toBe(true);
    expect(broken((d) => delete d.issues.overdue)).toBe(false);
    expect(broken((d) => ((d.plan.declared as Record<string, unknown>).totalInvestment = 1336000))).toBe(false);
    expect(broken((d) => (d.issueGroups[0].category = "UNKNOWN"))).toBe(false);
    expect(broken((d) => delete d.operations)).toBe(false);
  });
});
