import { describe, expect, it } from "vitest";
import { fundingRate, fundingRateScope, fundingRateText, fundingScopeSums, fundsInPlace, investmentBeyondFunds, projectFundingRate } from "@/domain/funding";

describe("资金到位率, like for like", () => {
  it("in place ÷ planned over the projects with a plan; none planned (or 0) is no rate, never 0%", () => {
    expect(fundingRate({ fundingPlanned: "200", fundingInPlaceOfPlanned: "50" })?.toString()).toBe("25");
    expect(fundingRate({ fundingPlanned: "0", fundingInPlaceOfPlanned: "50" })).toBeNull();
    expect(fundingRateText(null)).toBe("无资金计划");
    expect(fundingRateText("39.393939")).toBe("39.4%");
  });
  it("a project with a plan and no money stated counts 0 in place; without a plan it has no rate", () => {
    expect(projectFundingRate({ fundingPlanned: "100", fundingInPlace: null })?.toString()).toBe("0");
    expect(projectFundingRate({ fundingPlanned: null, fundingInPlace: "100" })).toBeNull();
  });
  it("the sums keep money of projects without a plan out of the rate's pair, but in the all-projects sum", () => {
    const s = fundingScopeSums([
      { fundingPlanned: "300", fundingInPlace: "100" },
      { fundingPlanned: "100", fundingInPlace: null },
      { fundingPlanned: null, fundingInPlace: "70" },
    ]);
    expect([s.fundingPlanned.toString(), s.withFundingPlan, s.fundingInPlaceOfPlanned.toString(), s.fundingInPlace.toString()]).toEqual(["400", 2, "100", "170"]);
    expect(fundingRateScope({ ...s, projectCount: 3 })).toBe("有资金计划的2个项目：到位资金100万元 ÷ 计划资金400万元 = 25.0%");
    expect(fundingRateScope({ ...s, withFundingPlan: 3, projectCount: 3 })).toMatch(/^全部3个项目均有资金计划：/);
    expect(fundingRateScope({ fundingPlanned: 0, fundingInPlaceOfPlanned: 0, withFundingPlan: 0, projectCount: 4 })).toBe("无资金计划（4个项目均未录入资金计划）");
  });
  it("money in place is the sum of the sources stated; none stated is none, not 0", () => {
    expect(fundsInPlace([null, "1.5", null, "2", "0"])?.toString()).toBe("3.5");
    expect(fundsInPlace([null, null])).toBeNull();
  });
  it("investment beyond the money in place: just over the share flags, exactly at it does not", () => {
    expect(investmentBeyondFunds("120", "100", "20")).toBe(false);
    expect(investmentBeyondFunds("120.01", "100", "20")).toBe(true);
    expect(investmentBeyondFunds("1", null, "20")).toBe(false);
  });
});
