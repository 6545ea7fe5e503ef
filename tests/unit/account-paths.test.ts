// The addresses every account reaches whatever it holds: 我的账号 and the first-password change.
import { describe, expect, it } from "vitest";
import { ACCOUNT_PATH, CHANGE_PASSWORD_PATH } from "@/lib/account-paths";

describe("the account's own addresses", () => {
  it("我的账号 and its password change", () => {
    expect(ACCOUNT_PATH).toBe("/account");
    expect(CHANGE_PASSWORD_PATH).toBe("/account/password");
  });
});
