// Every list is paged and bounded in SQL: /issues (问题台账), /review (审核月度调度) and
// /admin/audit (操作日志). With hundreds of rows, each data function returns exactly one page,
// the totals count every row, filters and order hold across pages, and the number of SQL
// statements per call does not grow with the rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IssueCategory, IssueStatus } from "@/generated/prisma/client";
import { getIssueLedger, issuePaging, listIssueLeaders, listIssueYears, type IssueFilters } from "@/server/issues/queries";
import { getReviewQueue, REVIEW_PAGE_SIZE } from "@/server/monthly-reports/queries";
import { AUDIT_PAGE_SIZE, listAudit } from "@/server/audit/queries";
import { pageWindow } from "@/components/common/pagination";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { countingClient, type CountingClient } from "../helpers/query-count";

const TODAY = "2025-03-15";
const YEAR = 2025;
const STATUSES: IssueStatus[] = ["OPEN", "IN_PROGRESS", "CLOSED"];
/** [问题类别, sub-category]: two under 要素保障问题, so that a top-category filter takes in both */
const CATEGORIES: Array<[IssueCategory, string]> = [
  ["FUNDING", "FINANCING"],
  ["FACTOR", "LAND"],
  ["FACTOR", "ENERGY"],
  ["INSTITUTIONAL", "APPROVAL"],
];

type Made = { id: number; status: IssueStatus; category: IssueCategory; subCategory: string; parkId: number; dueDate: string | null; sortOrder: number; overdue: boolean };

describe("lists paged in SQL", () => {
  let t: TestDatabase;
  let c: CountingClient;
  let parks: number[];
  const made: Made[] = [];

  /** The ledger's order, written independently: overdue first, closed last, then due date (none last), sort order, id. */
  const ledgerOrder = (a: Made, b: Made) =>
    Number(b.overdue) - Number(a.overdue) ||
    Number(a.status === "CLOSED") - Number(b.status === "CLOSED") ||
    (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") ||
    a.sortOrder - b.sortOrder ||
    a.id - b.id;

  const addIssues = async (n: number, from: number) => {
    for (let k = from; k < from + n; k++) {
      const status = STATUSES[k % 3];
      const [category, subCategory] = CATEGORIES[k % 4];
      const parkId = parks[k % parks.length];
      // due dates spread around TODAY; every seventh issue has none
      const dueDate = k % 7 === 0 ? null : `2025-0${1 + (k % 6)}-${String(1 + (k % 27)).padStart(2, "0")}`;
      const sortOrder = k % 5;
      const row = await t.prisma.issue.create({
        data: { year: YEAR, parkId, category, subCategory, status, title: `问题${k}`, description: "—", dueDate: dueDate ? new Date(`${dueDate}T00:00:00Z`) : null, sortOrder },
      });
      made.push({ id: row.id, status, category, subCategory, parkId, dueDate, sortOrder, overdue: status !== "CLOSED" && dueDate !== null && dueDate < TODAY });
    }
  };

  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    parks = (await t.prisma.park.findMany({ orderBy: { id: "asc" }, take: 3 })).map((p) => p.id);
    expect(parks.length).toBeGreaterThanOrEqual(2);
    await addIssues(300, 0);
    c = countingClient(t.url);
  }, 300_000);
  afterAll(async () => {
    await c?.disconnect();
    await t?.drop();
  });

  const allPages = async (filters: IssueFilters, size?: number) => {
    const first = await getIssueLedger(t.prisma, filters, { page: 1, size }, TODAY);
    const rows = [...first.issues];
    for (let page = 2; page <= first.pages; page++) rows.push(...(await getIssueLedger(t.prisma, filters, { page, size }, TODAY)).issues);
    return { first, rows };
  };

  it("/issues: 20 to a page, the counts of all 300, overdue first and closed last across every page", async () => {
    const { first, rows } = await allPages({ year: YEAR });
    expect(first.issues).toHaveLength(20);
    expect(first.size).toBe(20);
    expect(first.total).toBe(300);
    expect(first.pages).toBe(15);
    expect(first.closed).toBe(made.filter((m) => m.status === "CLOSED").length);
    expect(first.overdue).toBe(made.filter((m) => m.overdue).length);
    expect(first.overdue).toBeGreaterThan(20); // the overdue ones span more than one page
    expect(first.closureRate).toBe(`${((first.closed / 300) * 100).toFixed(1)}%`);
    expect(rows.map((r) => r.id)).toEqual([...made].sort(ledgerOrder).map((m) => m.id));
    expect(rows.map((r) => r.overdue)).toEqual(rows.map((r) => made.find((m) => m.id === r.id)!.overdue));
  });

  it("/issues: filters by status, category, park, overdue and year hold on every page, with their own counts", async () => {
    const filters: IssueFilters = { year: YEAR, status: "OPEN", parkId: parks[1] };
    const want = made.filter((m) => m.status === "OPEN" && m.parkId === parks[1]).sort(ledgerOrder);
    const { first, rows } = await allPages(filters, 7);
    expect(first.total).toBe(want.length);
    expect(first.closed).toBe(0);
    expect(rows.map((r) => r.id)).toEqual(want.map((m) => m.id));

    const overdue = await allPages({ year: YEAR, overdue: true, category: "FACTOR", subCategory: "LAND" }, 5);
    const wantOverdue = made.filter((m) => m.overdue && m.subCategory === "LAND").sort(ledgerOrder);
    expect(overdue.first.total).toBe(wantOverdue.length);
    expect(overdue.first.overdue).toBe(wantOverdue.length);
    expect(overdue.rows.map((r) => r.id)).toEqual(wantOverdue.map((m) => m.id));
    expect(overdue.rows.every((r) => r.overdue && r.subCategory === "LAND")).toBe(true);

    // a top category takes in every sub-category under it (要素保障问题: 土地 and 能源)
    const factor = await allPages({ year: YEAR, category: "FACTOR" }, 9);
    const wantFactor = made.filter((m) => m.category === "FACTOR").sort(ledgerOrder);
    expect(new Set(wantFactor.map((m) => m.subCategory))).toEqual(new Set(["LAND", "ENERGY"]));
    expect(factor.first.total).toBe(wantFactor.length);
    expect(factor.rows.map((r) => r.id)).toEqual(wantFactor.map((m) => m.id));

    // another year: none of these; every year: the seed's too
    expect((await getIssueLedger(t.prisma, { year: 2023 }, {}, TODAY)).total).toBe(await t.prisma.issue.count({ where: { year: 2023 } }));
    expect((await getIssueLedger(t.prisma, {}, {}, TODAY)).total).toBe(await t.prisma.issue.count());
  });

  it("/issues: the year and leader filters offer each value once, years newest first, leaders in name order", async () => {
    // leaders on a few of the issues, two of them on several
    const names = ["王五", "李四", "王五", "张三", "李四"];
    for (const [k, name] of names.entries()) await t.prisma.issue.update({ where: { id: made[k].id }, data: { responsibleLeader: name } });
    const all = await t.prisma.issue.findMany({ select: { year: true, responsibleLeader: true } });
    const years = [...new Set(all.map((i) => i.year))].sort((a, b) => b - a);
    const leaders = [...new Set(all.flatMap((i) => (i.responsibleLeader === null ? [] : [i.responsibleLeader])))].sort();
    expect(years.length).toBeGreaterThan(1);
    expect(leaders).toEqual(expect.arrayContaining(["张三", "李四", "王五"]));
    expect(await listIssueYears(t.prisma)).toEqual(years);
    expect(await listIssueLeaders(t.prisma)).toEqual(leaders);
  });

  it("/issues: the page size is 1–100 and a page past the end shows the last one", async () => {
    expect(issuePaging(undefined, 0)).toEqual({ page: 1, size: 1 });
    expect(issuePaging(3, 500)).toEqual({ page: 3, size: 100 });
    expect(issuePaging(undefined, undefined)).toEqual({ page: 1, size: 20 });
    const big = await getIssueLedger(t.prisma, { year: YEAR }, { size: 500 }, TODAY);
    expect(big.issues).toHaveLength(100);
    expect(big.pages).toBe(3);
    const past = await getIssueLedger(t.prisma, { year: YEAR }, { page: 99 }, TODAY);
    expect(past.page).toBe(15);
    expect(past.issues.map((r) => r.id)).toEqual(
      [...made]
        .sort(ledgerOrder)
        .slice(280)
        .map((m) => m.id),
    );
  });

  it("/issues: two SQL statements per call, at 300 issues and at 400", async () => {
    const at300 = await c.count((p) => getIssueLedger(p, { year: YEAR, overdue: true }, { page: 2 }, TODAY));
    expect(at300.statements).toBe(2);
    expect(at300.result.issues).toHaveLength(20);
    await addIssues(100, 300);
    const at400 = await c.count((p) => getIssueLedger(p, { year: YEAR }, { page: 5 }, TODAY));
    expect(at400.statements).toBe(2);
    expect(at400.result.total).toBe(400);
    expect(at400.result.issues).toHaveLength(20);
  });

  describe("/review", () => {
    const projects: Array<{ id: number; code: string; parkId: number }> = [];
    /** a report with one revision; `approved` also makes it the approved one */
    const report = async (projectId: number, month: string, cumulative: number, status: "SUBMITTED" | "APPROVED", updatedAt: Date) => {
      const r = await t.prisma.monthlyReport.create({ data: { projectId, month, status, updatedAt } });
      const rv = await t.prisma.monthlyReportRevision.create({
        data: { reportId: r.id, revisionNo: 1, cumulativeInvestment: cumulative, monthInvestment: 100, progressText: `进度${month}` },
      });
      await t.prisma.$executeRaw`UPDATE "MonthlyReport" SET "currentRevisionId" = ${rv.id},
        "approvedRevisionId" = ${status === "APPROVED" ? rv.id : null}, "updatedAt" = ${updatedAt} WHERE id = ${r.id}`;
    };

    beforeAll(async () => {
      for (let i = 0; i < 30; i++) {
        const p = await t.prisma.project.create({
          data: { code: `LIST-${String(i).padStart(2, "0")}`, name: `分页项目${i}`, parkId: parks[i % 2], totalInvestment: 10000 },
        });
        projects.push({ id: p.id, code: p.code, parkId: p.parkId });
        // the first 20 have an approved December; the even ones a plan for January
        if (i < 20) await report(p.id, "2024-12", 1000 + i, "APPROVED", new Date("2025-01-05T00:00:00Z"));
        if (i % 2 === 0) await t.prisma.plannedInvestment.create({ data: { projectId: p.id, month: "2025-01", cumulativePlanned: 900 + i } });
      }
      // 60 awaiting review: January and February of each, submitted in a known order
      for (let i = 0; i < 30; i++) {
        await report(projects[i].id, "2025-01", 2000 + i, "SUBMITTED", new Date(Date.UTC(2025, 1, 1, 0, i)));
        await report(projects[i].id, "2025-02", 3000 + i, "SUBMITTED", new Date(Date.UTC(2025, 2, 1, 0, 30 - i)));
      }
    }, 300_000);

    const queue = async (f: { parkId?: number; month?: string }) => {
      const first = await getReviewQueue(t.prisma, f, 1);
      const items = [...first.items];
      for (let page = 2; page <= first.pages; page++) items.push(...(await getReviewQueue(t.prisma, f, page)).items);
      return { first, items };
    };

    it("pages the queue 20 at a time, oldest first, with the counts in all and per park", async () => {
      const submitted = await t.prisma.monthlyReport.findMany({ where: { status: "SUBMITTED" }, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], include: { project: true } });
      expect(submitted.length).toBeGreaterThanOrEqual(60);
      const { first, items } = await queue({});
      expect(first.items).toHaveLength(REVIEW_PAGE_SIZE);
      expect(first.counts.all).toBe(submitted.length);
      expect(first.counts.filtered).toBe(submitted.length);
      expect(first.pages).toBe(Math.ceil(submitted.length / 20));
      expect(items.map((r) => r.id)).toEqual(submitted.map((r) => r.id));
      for (const pid of parks.slice(0, 2)) {
        expect(first.counts.byPark!.find((p) => p.parkId === pid)?.count).toBe(submitted.filter((r) => r.project.parkId === pid).length);
      }
      expect(first.counts.months.find((m) => m.month === "2025-02")?.count).toBe(30);
    });

    it("filters by county park and month on every page", async () => {
      const { first, items } = await queue({ parkId: parks[1], month: "2025-02" });
      expect(first.counts.filtered).toBe(15);
      expect(items).toHaveLength(15);
      expect(items.every((r) => r.month === "2025-02" && projects.find((p) => p.code === r.projectCode)!.parkId === parks[1])).toBe(true);
      // February was submitted newest-last for the lowest index: oldest first means descending index
      expect(items.map((r) => r.projectCode)).toEqual(
        projects
          .filter((p) => p.parkId === parks[1])
          .map((p) => p.code)
          .reverse(),
      );
      // the per-park counts still show every park for the month
      expect(first.counts.byPark!.find((p) => p.parkId === parks[0])?.count).toBe(15);
    });

    it("each report beside its previous approved month and the plan for its month", async () => {
      const { items } = await queue({ month: "2025-02" });
      const byCode = new Map(items.map((r) => [r.projectCode, r]));
      // February's previous approved month is December: January awaits review, so it does not count
      expect(byCode.get("LIST-03")).toMatchObject({ cumulativeInvestment: "3003", previous: { month: "2024-12", cumulativeInvestment: "1003" } });
      expect(byCode.get("LIST-25")!.previous).toBeNull();
      const jan = (await queue({ month: "2025-01" })).items;
      expect(jan.find((r) => r.projectCode === "LIST-04")).toMatchObject({ plannedCumulative: "904", previous: { month: "2024-12" } });
      expect(jan.find((r) => r.projectCode === "LIST-05")!.plannedCumulative).toBeNull();
      expect(jan.find((r) => r.projectCode === "LIST-22")!.plannedCumulative).toBe("922");
    });

    it("filters by status, with the count of every status within the park and month filters", async () => {
      const count = (status: "SUBMITTED" | "APPROVED" | "RETURNED" | "DRAFT", month?: string) =>
        t.prisma.monthlyReport.count({ where: { status, ...(month ? { month } : {}), project: { parkId: parks[0] } } });
      // approved reports pile up: without a month they are counted and listed for the newest period's month
      const newest = (await t.prisma.reportingPeriod.findFirstOrThrow({ orderBy: { month: "desc" } })).month;
      const approved = await getReviewQueue(t.prisma, { parkId: parks[0], status: "APPROVED" }, 1);
      expect(approved.counts.approvedMonth).toBe(newest);
      expect(approved.counts.filtered).toBe(await count("APPROVED", newest));
      expect(approved.items.every((r) => r.status === "APPROVED" && r.month === newest)).toBe(true);
      expect(approved.counts.byStatus).toEqual([
        { status: "SUBMITTED", count: await count("SUBMITTED") },
        { status: "RETURNED", count: await count("RETURNED") },
        { status: "APPROVED", count: await count("APPROVED", newest) },
        { status: "DRAFT", count: await count("DRAFT") },
      ]);
      // every period's month can be chosen; only the counted one says how many
      const periods = (await t.prisma.reportingPeriod.findMany({ orderBy: { month: "desc" } })).map((p) => p.month);
      expect(approved.counts.months.map((m) => m.month)).toEqual(periods);
      expect(approved.counts.months.every((m) => m.count === null || m.month === newest)).toBe(true);
      const dec = await getReviewQueue(t.prisma, { parkId: parks[0], month: "2024-12", status: "APPROVED" }, 1);
      expect(dec.counts.filtered).toBe(10);
      expect(dec.counts.byStatus.find((x) => x.status === "SUBMITTED")?.count).toBe(0);
      // newest change first for anything but the queue; the submitted ones still count as "all awaiting review"
      expect(dec.counts.all).toBe(await t.prisma.monthlyReport.count({ where: { status: "SUBMITTED" } }));
    });

    it("each report shows its current revision's photos, in order, in the same statement", async () => {
      const r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "LIST-07" }, month: "2025-01" } });
      const rv = await t.prisma.monthlyReportRevision.create({
        data: { reportId: r.id, revisionNo: 2, cumulativeInvestment: 2007, monthInvestment: 100, progressText: "附照片", photoCount: 2 },
      });
      const ids: number[] = [];
      for (const k of [1, 2]) {
        const sha = k.toString(16).padStart(64, "0");
        await t.prisma
          .$executeRaw`INSERT INTO "Photo" (sha256, mime, width, height, data, "thumbWidth", "thumbHeight", thumb) VALUES (${sha}, 'image/jpeg', 100, ${50 * k}, ${Buffer.from([k])}, 100, ${50 * k}, ${Buffer.from([k])})`;
        ids.push((await t.prisma.photo.findUniqueOrThrow({ where: { sha256: sha } })).id);
      }
      await t.prisma.revisionPhoto.createMany({
        data: [
          { revisionId: rv.id, position: 1, photoId: ids[1] },
          { revisionId: rv.id, position: 2, photoId: ids[0] },
        ],
      });
      await t.prisma.$executeRaw`UPDATE "MonthlyReport" SET "currentRevisionId" = ${rv.id} WHERE id = ${r.id}`;
      const res = await c.count((p) => getReviewQueue(p, { month: "2025-01", parkId: projects[7].parkId }, 1));
      expect(res.statements).toBe(3);
      const item = res.result.items.find((x) => x.projectCode === "LIST-07")!;
      expect(item.photos).toEqual([
        { id: ids[1], thumbWidth: 100, thumbHeight: 100 },
        { id: ids[0], thumbWidth: 100, thumbHeight: 50 },
      ]);
      expect(res.result.items.find((x) => x.projectCode === "LIST-09")!.photos).toEqual([]);
    });

    it("each report shows its current revision's 数据质量提示, in the checks' order, in the same statement", async () => {
      const flagged = await t.prisma.monthlyReport.findMany({ where: { month: "2025-02", status: "SUBMITTED" }, orderBy: { id: "asc" } });
      // every report of the month flagged twice (the kinds given out of order): still one statement for the page
      await t.prisma.revisionQualityFlag.createMany({
        data: flagged.flatMap((r) => [
          { revisionId: r.currentRevisionId!, kind: "STATS_APART" as const, message: `入统数相差${r.id}`, evidence: {} },
          { revisionId: r.currentRevisionId!, kind: "JUMP" as const, message: `突增${r.id}`, evidence: {} },
        ]),
      });
      const res = await c.count((p) => getReviewQueue(p, { month: "2025-02" }, 1));
      expect(res.statements).toBe(3);
      expect(res.result.items).toHaveLength(20);
      for (const item of res.result.items) {
        expect(item.flags).toEqual([
          { kind: "JUMP", message: `突增${item.id}` },
          { kind: "STATS_APART", message: `入统数相差${item.id}` },
        ]);
      }
      const january = await getReviewQueue(t.prisma, { month: "2025-01" }, 1);
      expect(january.items.every((x) => x.flags.length === 0)).toBe(true);
    });

    it("without the per-park counts (a province's park search) the other counts are the same", async () => {
      for (const f of [{}, { parkId: parks[1] }, { month: "2025-02" }, { parkId: parks[0], status: "APPROVED" as const }, { status: "APPROVED" as const, month: "2024-12" }]) {
        const full = await getReviewQueue(t.prisma, f, 1);
        const lean = await getReviewQueue(t.prisma, f, 1, { byPark: false });
        expect(full.counts.byPark!.length).toBeGreaterThan(0);
        expect(lean.counts.byPark).toBeNull();
        expect({ ...lean.counts, byPark: full.counts.byPark }).toEqual(full.counts);
        expect(lean.items.map((r) => r.id)).toEqual(full.items.map((r) => r.id));
      }
    });

    it("three SQL statements per page, whatever the queue's length (no query per row)", async () => {
      const a = await c.count((p) => getReviewQueue(p, {}, 2));
      expect(a.statements).toBe(3);
      expect(a.result.items).toHaveLength(20);
      const b = await c.count((p) => getReviewQueue(p, { month: "2025-01" }, 1));
      expect(b.statements).toBe(3);
      // 已审核 also lists the periods' months to choose from
      expect((await c.count((p) => getReviewQueue(p, { status: "APPROVED" }, 1))).statements).toBe(4);
    });
  });

  describe("/admin/audit", () => {
    beforeAll(async () => {
      await t.prisma.auditLog.createMany({
        data: Array.from({ length: 250 }, (_, k) => ({
          actor: k % 2 ? "admin" : "huitong",
          action: k % 5 ? "project.update" : "issue.create",
          entity: k % 5 ? "Project" : "Issue",
          entityId: String(k),
        })),
      });
    });

    it("30 to a page, newest first, filtered in SQL, a page past the end shows the last, the same statements however long the log", async () => {
      const all = await t.prisma.auditLog.count({ where: { NOT: { action: { startsWith: "login" } } } });
      const r = await c.count((p) => listAudit(p, { view: "changes", page: 1 }));
      expect(r.result.rows).toHaveLength(AUDIT_PAGE_SIZE);
      expect(r.result.total).toBe(all);
      expect(r.result.pages).toBe(Math.ceil(all / 30));
      const ids = r.result.rows.map((x) => BigInt(x.id));
      expect(ids).toEqual([...ids].sort((x, y) => (x > y ? -1 : 1)));

      const issues = await c.count((p) => listAudit(p, { view: "changes", entity: "Issue", user: "admin", page: 1 }));
      const want = await t.prisma.auditLog.count({ where: { entity: "Issue", actor: "admin" } });
      expect(issues.result.total).toBe(want);

      const past = await listAudit(t.prisma, { view: "changes", page: 9999 });
      expect(past.page).toBe(past.pages);
      expect(past.rows.length).toBe(all - (past.pages - 1) * 30);

      // 250 more entries: still a bounded number of statements for a page (a count, the page, and
      // at most one name lookup per kind of entity on it — never one per row)
      await t.prisma.auditLog.createMany({
        data: Array.from({ length: 250 }, (_, k) => ({ actor: "admin", action: "project.update", entity: "Project", entityId: String(1000 + k) })),
      });
      const again = await c.count((p) => listAudit(p, { view: "changes", page: 1 }));
      expect(r.statements).toBeLessThanOrEqual(8);
      expect(again.statements).toBeLessThanOrEqual(8);
      expect(again.result.rows).toHaveLength(AUDIT_PAGE_SIZE);
    });
  });
});

describe("the page window", () => {
  it("links a handful of pages around the current one, however many there are", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(500, 1000)).toEqual([1, null, 498, 499, 500, 501, 502, null, 1000]);
    expect(pageWindow(1, 1000)).toEqual([1, 2, 3, null, 1000]);
    expect(pageWindow(4, 1000)).toEqual([1, 2, 3, 4, 5, 6, null, 1000]);
  });
});
