import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/server/auth/password";

describe("password hashing", () => {
  it("stores a salted scrypt hash, never the password", async () => {
    const a = await hashPassword("demo2024");
    const b = await hashPassword("demo2024");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain("demo2024");
    expect(a).not.toBe(b); // salted
  });
  it("verifies the right password only", async () => {
    const h = await hashPassword("正确的密码abc1");
    expect(await verifyPassword("正确的密码abc1", h)).toBe(true);
    expect(await verifyPassword("正确的密码abc2", h)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
});
