// The 县区园区 filter of the list pages (src/server/parks/park-filter.ts): a drop-down of a city's
// parks; past PARK_SELECT_MAX parks a search whose text picks the park it names, or lists the
// parks that match to choose from and filters on none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_PARK, PARK_MATCHES_MAX, PARK_SELECT_MAX, resolveParkFilter } from "@/server/parks/park-filter";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

describe("the park filter", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
  });
  afterAll(async () => t?.drop());

  it("is a drop-down of every park, in the list's order, while there are few", async () => {
    const parks = await t.prisma.park.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
    expect(parks.length).toBeLessThanOrEqual(PARK_SELECT_MAX);
    const f = await resolveParkFilter(t.prisma, { park: String(parks[1].id), parkq: "不看这个" });
    expect(f).toMatchObject({ mode: "select", parkId: parks[1].id });
    expect(f.mode === "select" && f.parks.map((p) => p.id)).toEqual(parks.map((p) => p.id));
    expect((await resolveParkFilter(t.prisma, {})).parkId).toBeUndefined();
  });

  describe("with a province's parks", () => {
    beforeAll(async () => {
      // 70 more parks: 麻阳县园区一 … 麻阳县园区七十 across seven counties, and one named 100%园区
      const n = PARK_SELECT_MAX + 20;
      await t.prisma.park.createMany({
        data: Array.from({ length: n }, (_, i) => ({ name: `省内园区${String(i + 1).padStart(2, "0")}`, county: `第${(i % 7) + 1}县`, sortOrder: 1000 + i })),
      });
      await t.prisma.park.create({ data: { name: "100%园区", county: "百分县", sortOrder: 2000 } });
    });

    it("reads park=<id> as before", async () => {
      const p = await t.prisma.park.findFirstOrThrow({ where: { name: "省内园区07" } });
      expect(await resolveParkFilter(t.prisma, { park: String(p.id) })).toMatchObject({ mode: "search", parkId: p.id, park: { name: "省内园区07" } });
      expect(await resolveParkFilter(t.prisma, {})).toMatchObject({ mode: "search", parkId: undefined, park: null, matches: [] });
    });

    it("picks the park whose name is typed, or the only one whose name or county contains it", async () => {
      const p = await t.prisma.park.findFirstOrThrow({ where: { name: "省内园区12" } });
      expect(await resolveParkFilter(t.prisma, { parkq: "省内园区12" })).toMatchObject({ parkId: p.id, park: { id: p.id } });
      expect(await resolveParkFilter(t.prisma, { parkq: " 园区12 " })).toMatchObject({ parkId: p.id });
      const pct = await t.prisma.park.findFirstOrThrow({ where: { name: "100%园区" } });
      expect(await resolveParkFilter(t.prisma, { parkq: "百分" })).toMatchObject({ parkId: pct.id });
    });

    it("lists the parks that match when the text names several, in the list's order, and filters on none", async () => {
      const f = await resolveParkFilter(t.prisma, { parkq: "第3县" });
      expect(f).toMatchObject({ mode: "search", parkId: NO_PARK, query: "第3县", more: false });
      const expected = await t.prisma.park.findMany({ where: { county: "第3县" }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
      expect(f.mode === "search" && f.matches.map((p) => p.name)).toEqual(expected.map((p) => p.name));
      const many = await resolveParkFilter(t.prisma, { parkq: "省内" });
      expect(many).toMatchObject({ parkId: NO_PARK, more: true });
      expect(many.mode === "search" && many.matches.length).toBe(PARK_MATCHES_MAX);
    });

    it("says when nothing matches, and takes % and _ as the characters typed", async () => {
      expect(await resolveParkFilter(t.prisma, { parkq: "不存在的县" })).toMatchObject({ parkId: NO_PARK, query: "不存在的县", matches: [] });
      const pct = await t.prisma.park.findFirstOrThrow({ where: { name: "100%园区" } });
      expect(await resolveParkFilter(t.prisma, { parkq: "%" })).toMatchObject({ parkId: pct.id });
      expect(await resolveParkFilter(t.prisma, { parkq: "_" })).toMatchObject({ parkId: NO_PARK, matches: [] });
    });
  });
});
