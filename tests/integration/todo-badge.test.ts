// A county account's 我的待办 badge (on every page it opens) reads its own park's projects and what
// hangs on them — returned reports, nodes not yet reached, returned 效益填报, the 督办 issues of its
// park and of its projects — one project at a time (src/server/todo/queries.ts, getTodoBadge). Each
// part is checked here against the to-do page's exact counts (which read the whole list), with an
// item of the county's own and the same item of another county park, which must not count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, type Actors } from "../helpers/actors";
import { getTodoBadge, getTodoCounts } from "@/server/todo/queries";
import { countIssueTodos } from "@/server/issues/todo";

let t: TestDatabase;
let a: Actors;
const today = "2025-01-02";

beforeAll(async () => {
  t = await createTestDatabase("seeded");
  a = await actorsOf(t.prisma);
});
afterAll(async () => t?.drop());

async function exact(who: Actors[keyof Actors]) {
  return (await getTodoCounts(t.prisma, who, today, 7)).total + (await countIssueTodos(t.prisma, who, today));
}

describe("a county's badge: its own park's items, each part", () => {
  it("counts the county's returned report, overdue node, returned 效益填报 and its two kinds of 督办 issue, and nothing of another park", async () => {
    const county = a.huitong;
    const mine = await t.prisma.project.findFirstOrThrow({ where: { parkId: county.parkId! }, orderBy: { code: "asc" } });
    const other = await t.prisma.project.findFirstOrThrow({ where: { parkId: { not: county.parkId! } }, orderBy: { code: "asc" } });
    const before = await getTodoBadge(t.prisma, county, today, 7);
    expect(before).toBe(await exact(county));
    const counts0 = await getTodoCounts(t.prisma, county, today, 7);

    for (const p of [mine, other]) {
      // returned in a month not published (no period yet): 退回待修改
      await t.prisma.monthlyReport.create({ data: { projectId: p.id, month: "2030-01", status: "RETURNED", returnReason: "请核实" } });
      // 超期 (planned yesterday, not reached), and one reached: only the first needs attention
      await t.prisma.milestone.create({ data: { projectId: p.id, kind: "OTHER", name: "测试节点超期", plannedDate: new Date("2025-01-01T00:00:00Z") } });
      await t.prisma.milestone.create({
        data: { projectId: p.id, kind: "OTHER", name: "测试节点已完成", plannedDate: new Date("2024-12-01T00:00:00Z"), actualDate: new Date("2024-12-02T00:00:00Z") },
      });
      await t.prisma.benefitReport.create({ data: { projectId: p.id, year: 2030, quarter: 1, status: "RETURNED", returnReason: "请补充" } });
      // 待签收 of the project (no park on the issue itself), 待复核 (the office's step, not the county's)
      for (const status of ["ASSIGNED", "FEEDBACK"] as const)
        await t.prisma.issue.create({
          data: { year: 2025, projectId: p.id, category: "FACTOR", subCategory: "LAND", title: `测试${p.code}${status}`, description: "测试", status },
        });
    }
    // 办理中 of the county park itself (no project)
    await t.prisma.issue.create({
      data: { year: 2025, parkId: county.parkId!, category: "FACTOR", subCategory: "LAND", title: "测试园区办理中", description: "测试", status: "IN_PROGRESS" },
    });
    await t.prisma.issue.create({
      data: { year: 2025, parkId: other.parkId, category: "FACTOR", subCategory: "LAND", title: "测试他园区办理中", description: "测试", status: "IN_PROGRESS" },
    });

    const counts = await getTodoCounts(t.prisma, county, today, 7);
    expect({ returned: counts.returned - counts0.returned, nodes: counts.nodes - counts0.nodes, benefitReturned: counts.benefitReturned - counts0.benefitReturned }).toEqual({
      returned: 1,
      nodes: 1,
      benefitReturned: 1,
    });
    const after = await getTodoBadge(t.prisma, county, today, 7);
    expect(after).toBeLessThanOrEqual(99);
    // one returned report, one node, one 效益填报, two issues (待签收 of its project, 办理中 of its park)
    expect(after).toBe(before + 5);
    expect(after).toBe(await exact(county));
  });
});
