import { describe, expect, it } from "vitest";
import { addressBlocked, formatWait, LOGIN_THROTTLE, pairDelaySeconds } from "@/domain/login-throttle";

describe("login throttling rules", () => {
  it("the first few wrong passwords cost nothing, then each further one doubles the wait up to 15 minutes", () => {
    expect([0, 1, 2, 3].map(pairDelaySeconds)).toEqual([0, 0, 0, 0]);
    expect(pairDelaySeconds(4)).toBe(30);
    expect(pairDelaySeconds(5)).toBe(60);
    expect(pairDelaySeconds(6)).toBe(120);
    expect(pairDelaySeconds(8)).toBe(480);
    expect(pairDelaySeconds(9)).toBe(900);
    expect(pairDelaySeconds(100)).toBe(LOGIN_THROTTLE.maxDelaySeconds);
  });

  it("an address failing on ten different names, or fifty times, is blocked", () => {
    expect(addressBlocked(9, 49)).toBe(false);
    expect(addressBlocked(10, 10)).toBe(true);
    expect(addressBlocked(1, 50)).toBe(true);
  });

  it("says how long to wait the way a person reads it", () => {
    expect(formatWait(0)).toBe("0秒");
    expect(formatWait(29.2)).toBe("30秒");
    expect(formatWait(60)).toBe("1分钟");
    expect(formatWait(61)).toBe("2分钟");
    expect(formatWait(900)).toBe("15分钟");
  });
});
