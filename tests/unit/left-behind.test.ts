// The words publishing and a published month use (src/domain/periods.ts): the office confirms the
// counts it read, and the county reads the same sentence on its to-do, its form and a refusal.
import { describe, expect, it } from "vitest";
import {
  LEFT_BEHIND_GROUP_SQL,
  LEFT_BEHIND_GROUPS,
  LEFT_BEHIND_LABEL,
  leftBehindGroup,
  leftBehindText,
  leftBehindToken,
  needsPublishConfirmation,
  publishedMonthNotice,
  publishedMonthOfficeNotice,
} from "@/domain/periods";

const counts = (returned: number, draft: number, missing: number, correction = 0) => ({ submitted: 0, returned, draft, missing, correction });

describe("publishing's confirmation", () => {
  it("names every count, zeros included, in the order the office reads them", () => {
    expect(leftBehindText(counts(1, 0, 7))).toBe("将按未报处理：退回1个、草稿0个、未报7个项目");
    expect(leftBehindToken(counts(1, 0, 7))).toBe("1,0,7,0");
  });
  it("mentions corrections left unsubmitted only when there are some", () => {
    expect(leftBehindText(counts(0, 0, 0, 2))).toBe("将按未报处理：退回0个、草稿0个、未报0个项目；另有2个项目的更正未提交，按原审核通过的数据发布");
  });
  it("is needed as soon as one project is left behind, and not when all are approved (awaiting review blocks instead)", () => {
    expect(needsPublishConfirmation(counts(0, 0, 0))).toBe(false);
    expect(needsPublishConfirmation({ ...counts(0, 0, 0), submitted: 3 })).toBe(false);
    for (const c of [counts(1, 0, 0), counts(0, 1, 0), counts(0, 0, 1), counts(0, 0, 0, 1)]) expect(needsPublishConfirmation(c)).toBe(true);
  });
});

describe("a published month's notice", () => {
  it("says 按未报处理 without an approved report, 只读 with one, and where to turn", () => {
    expect(publishedMonthNotice("2024-12", false)).toBe("2024年12月已发布；本月数据按未报处理。如需更正，请向园区申请重新开放。");
    expect(publishedMonthNotice("2024-12", true)).toBe("2024年12月已发布；本月数据只读。如需更正，请向园区申请重新开放。");
  });
});

describe("where a project of the month's list stands when the month is published", () => {
  it("no report is 未报; awaiting review blocks; approved leaves nothing behind", () => {
    expect(leftBehindGroup(null)).toBe("missing");
    expect(leftBehindGroup({ status: "SUBMITTED", approvedRevisionId: null })).toBe("submitted");
    expect(leftBehindGroup({ status: "SUBMITTED", approvedRevisionId: 4 })).toBe("submitted");
    expect(leftBehindGroup({ status: "APPROVED", approvedRevisionId: 4 })).toBeNull();
  });
  it("退回 or 草稿 of a month approved before is a correction left unsubmitted; without an approved revision it is published as 未报 under its own name", () => {
    expect(leftBehindGroup({ status: "RETURNED", approvedRevisionId: 4 })).toBe("correction");
    expect(leftBehindGroup({ status: "DRAFT", approvedRevisionId: 4 })).toBe("correction");
    expect(leftBehindGroup({ status: "RETURNED", approvedRevisionId: null })).toBe("returned");
    expect(leftBehindGroup({ status: "DRAFT", approvedRevisionId: null })).toBe("draft");
    expect(LEFT_BEHIND_GROUPS.map((g) => LEFT_BEHIND_LABEL[g])).toEqual(["待审核", "退回", "草稿", "未报", "更正未提交"]);
  });
  it("the SQL twin says the same, in the same order", () => {
    expect(LEFT_BEHIND_GROUP_SQL.text.replace(/\s+/g, " ")).toBe(
      `CASE WHEN r.id IS NULL THEN 'missing' WHEN r.status = 'SUBMITTED' THEN 'submitted' WHEN r.status = 'APPROVED' THEN NULL WHEN r."approvedRevisionId" IS NOT NULL THEN 'correction' WHEN r.status = 'RETURNED' THEN 'returned' ELSE 'draft' END`,
    );
  });
  it("the office reads why it cannot review a published month", () => {
    expect(publishedMonthOfficeNotice("2024-11")).toBe("2024年11月已发布，不能再审核。如需更正，请先在调度期页面重新开放。");
  });
});
