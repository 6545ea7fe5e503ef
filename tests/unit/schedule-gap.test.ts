// A rate against 序时进度 as the park tables print it (src/domain/schedule-progress.ts): the signed
// gap in 个百分点, "—" without a rate, and which rates are below 序时进度 (with its SQL twin, run on
// both engines by tests/integration/figure-rules.test.ts).
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { Decimal } from "@/lib/money";
import { belowScheduleSql, compareWithSchedule, isBelowSchedule, scheduleGap, scheduleGapPoints, signedPoints } from "@/domain/schedule-progress";

describe("the gap to 序时进度", () => {
  it("is the rate minus 序时进度, exactly, negative when behind", () => {
    expect(scheduleGap("45", "50").toString()).toBe("-5");
    expect(scheduleGap("50.25", "50").toString()).toBe("0.25");
  });

  it("a table prints it signed, to one decimal, with a true minus sign; an even gap has no sign", () => {
    expect(signedPoints(new Decimal("-5"))).toBe("−5.0");
    expect(signedPoints(new Decimal("34.16"))).toBe("+34.2");
    expect(signedPoints(new Decimal("0"))).toBe("0.0");
    expect(signedPoints(new Decimal("-0.04"))).toBe("−0.0");
  });

  it("the cell of a rate's gap to the month's 序时进度, or — without a rate", () => {
    // June: 序时进度 50%
    expect(scheduleGapPoints("45", "2024-06")).toBe("−5.0");
    expect(scheduleGapPoints("62.5", "2024-06")).toBe("+12.5");
    expect(scheduleGapPoints("50", "2024-06")).toBe("0.0");
    expect(scheduleGapPoints(null, "2024-06")).toBe("—");
  });

  it("in words: ahead, behind or even once rounded", () => {
    expect(compareWithSchedule("49.96", "50")).toEqual({ kind: "even", points: "0.0", text: "与序时进度持平" });
    expect(compareWithSchedule("45", "50")).toEqual({ kind: "behind", points: "5.0", text: "低于序时进度 5.0 个百分点" });
    expect(compareWithSchedule("45", "50", 2)).toEqual({ kind: "behind", points: "5.00", text: "低于序时进度 5.00 个百分点" });
    expect(compareWithSchedule("50", "50", 0)).toEqual({ kind: "even", points: "0", text: "与序时进度持平" });
  });

  it("below 序时进度: strictly under it; no rate is never below", () => {
    expect(isBelowSchedule("49.99", "2024-06")).toBe(true);
    expect(isBelowSchedule("50", "2024-06")).toBe(false);
    expect(isBelowSchedule("50.01", "2024-06")).toBe(false);
    expect(isBelowSchedule(null, "2024-06")).toBe(false);
    const sql = belowScheduleSql(Prisma.sql`f.rate`, "2024-06");
    expect({ text: sql.text, values: sql.values }).toEqual({ text: "(f.rate IS NOT NULL AND f.rate < $1::numeric)", values: ["50"] });
  });
});
