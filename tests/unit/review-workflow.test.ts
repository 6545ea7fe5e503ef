// The review workflow's refusals and steps (src/domain/review-workflow.ts), shared by the 月报 and
// the 效益填报: only a submitted report with a revision can be reviewed, and the refusal names the
// report's state in Chinese.
import { describe, expect, it } from "vitest";
import { reviewRefusal, statusAfterSave } from "@/domain/review-workflow";

describe("a review", () => {
  it("goes ahead only for a submitted report with a revision", () => {
    expect(reviewRefusal("SUBMITTED", true)).toBeNull();
  });

  it.each([
    ["DRAFT", true, "草稿"],
    ["APPROVED", true, "已审核"],
    ["RETURNED", true, "退回"],
  ] as const)("is refused for a report %s, naming its state", (status, hasRevision, label) => {
    expect(reviewRefusal(status, hasRevision)).toBe(`只能审核“已提交”的报表，该报表当前为“${label}”。`);
  });

  it("is refused for a submitted report without a revision", () => {
    expect(reviewRefusal("SUBMITTED", false)).toBe("只能审核“已提交”的报表，该报表当前为“已提交”。");
  });
});

describe("a save", () => {
  it("提交审核 leads to 已提交, 保存 to 草稿", () => {
    expect(statusAfterSave("submit")).toBe("SUBMITTED");
    expect(statusAfterSave("save")).toBe("DRAFT");
  });
});
