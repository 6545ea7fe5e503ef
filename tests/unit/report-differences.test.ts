import { describe, expect, it } from "vitest";
import { reportDifferences } from "@/domain/report-differences";

describe("审核: differences against the last approved month and the plan", () => {
  it("subtracts exactly in 万元, signed", () => {
    const d = reportDifferences({ cumulativeInvestment: "1000.10", previous: { cumulativeInvestment: "900.20" }, plannedCumulative: "1200" });
    expect(d.sinceApproved?.toString()).toBe("99.9");
    expect(d.vsPlan?.toString()).toBe("-199.9");
    expect(d.vsPlan?.isNegative()).toBe(true);
  });

  it("ahead of plan is positive; equal is zero", () => {
    const d = reportDifferences({ cumulativeInvestment: "0.3", previous: { cumulativeInvestment: "0.3" }, plannedCumulative: "0.1" });
    expect(d.sinceApproved?.toString()).toBe("0");
    expect(d.vsPlan?.toString()).toBe("0.2");
  });

  it("nothing to compare gives null, never a difference against zero", () => {
    expect(reportDifferences({ cumulativeInvestment: "5", previous: null, plannedCumulative: null })).toEqual({ sinceApproved: null, vsPlan: null });
    expect(reportDifferences({ cumulativeInvestment: null, previous: { cumulativeInvestment: "5" }, plannedCumulative: "6" })).toEqual({ sinceApproved: null, vsPlan: null });
    // a planned cumulative of zero is a plan, compared against
    expect(reportDifferences({ cumulativeInvestment: "5", previous: null, plannedCumulative: "0" }).vsPlan?.toString()).toBe("5");
  });
});
