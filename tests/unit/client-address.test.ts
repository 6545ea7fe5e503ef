import { describe, expect, it } from "vitest";
import { PEER_HEADER, resolveClientAddress, trustedHops } from "@/server/http/client-address";

const headers = (h: Record<string, string>) => new Headers(h);

describe("the client's address cannot be made up by the client", () => {
  it("ignores forwarded headers unless TRUST_PROXY is set", () => {
    const h = headers({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" });
    expect(trustedHops(undefined)).toBe(0);
    expect(trustedHops("false")).toBe(0);
    expect(resolveClientAddress(h, trustedHops(undefined))).toBe("127.0.0.1");
  });

  it("with one trusted proxy, uses the address that proxy appended, not what the client wrote before it", () => {
    // client sent "X-Forwarded-For: 1.2.3.4"; the proxy (10.0.0.2) appended the real client 198.51.100.7
    const h = headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.7" });
    expect(trustedHops("1")).toBe(1);
    expect(trustedHops("true")).toBe(1);
    expect(resolveClientAddress(h, 1)).toBe("198.51.100.7");
  });

  it("with two trusted proxies, uses the hop before them", () => {
    const h = headers({ [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "1.2.3.4, 198.51.100.7, 10.0.0.2" });
    expect(resolveClientAddress(h, 2)).toBe("198.51.100.7");
  });

  it("never stores garbage or an overlong value as an address", () => {
    expect(resolveClientAddress(headers({ [PEER_HEADER]: "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(resolveClientAddress(headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "x".repeat(5000) }), 1)).toBeNull();
    expect(resolveClientAddress(headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "<script>" }), 1)).toBeNull();
    expect(resolveClientAddress(headers({}), 0)).toBeNull();
    expect(trustedHops("abc")).toBe(0);
    expect(trustedHops("2")).toBe(2);
  });
});
