// PGlite is a single session; its socket server multiplexes connections onto it. These tests
// prove that concurrent transactions through it (and through PostgreSQL) stay isolated and
// lose no write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`concurrent transactions (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  let t: TestDatabase;
  let parkId: number;
  beforeAll(async () => {
    t = await createTestDatabase();
    parkId = (await t.prisma.park.create({ data: { name: "测试园区", county: "测试县" } })).id;
  });
  afterAll(async () => t?.drop());

  it("two read-modify-write transactions on one row both land", async () => {
    const increment = (label: string) =>
      t.prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<Array<{ sortOrder: number }>>`SELECT "sortOrder" FROM "Park" WHERE id = ${parkId} FOR UPDATE`;
        await sleep(150); // hold the row while the other transaction tries
        await tx.park.update({ where: { id: parkId }, data: { sortOrder: row.sortOrder + 1, county: label } });
      });
    await Promise.all([increment("A"), increment("B")]);
    const park = await t.prisma.park.findUniqueOrThrow({ where: { id: parkId } });
    expect(park.sortOrder).toBe(2);
  });

  it("an uncommitted write is invisible to others, and a rollback leaves no trace", async () => {
    let seenByOther: number | null = null;
    const failing = t.prisma
      .$transaction(async (tx) => {
        await tx.park.create({ data: { name: "未提交园区", county: "x" } });
        await sleep(200);
        throw new Error("abort");
      })
      .catch((e: Error) => e.message);
    const other = (async () => {
      await sleep(50);
      await t.prisma.$transaction(async (tx) => {
        seenByOther = await tx.park.count({ where: { name: "未提交园区" } });
        await tx.park.create({ data: { name: "已提交园区", county: "y" } });
      });
    })();
    const [message] = await Promise.all([failing, other]);
    expect(message).toBe("abort");
    expect(seenByOther).toBe(0);
    expect(await t.prisma.park.count({ where: { name: "未提交园区" } })).toBe(0);
    expect(await t.prisma.park.count({ where: { name: "已提交园区" } })).toBe(1);
  });

  it("twenty concurrent transactions each adding a row all commit", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.prisma.$transaction(async (tx) => {
          await tx.park.create({ data: { name: `并发园区${i}`, county: "z" } });
          await tx.park.update({ where: { id: parkId }, data: { sortOrder: { increment: 1 } } });
        }),
      ),
    );
    expect(await t.prisma.park.count({ where: { county: "z" } })).toBe(20);
    expect((await t.prisma.park.findUniqueOrThrow({ where: { id: parkId } })).sortOrder).toBe(22);
  });

  it("many concurrent parameterised queries on separate connections each get their own answer", async () => {
    // the extended protocol (Parse/Bind/Execute/Sync) must not interleave between connections
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) => t.prisma.park.create({ data: { name: `参数园区${i}`, county: `县${i}` } }).then((p) => p.id)),
    );
    // raw queries: Prisma cannot batch them into one statement
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(ids.map((id) => t.prisma.$queryRaw<Array<{ id: number; county: string }>>`SELECT id, county FROM "Park" WHERE id = ${id}`));
      answers.forEach((a, i) => expect(a).toEqual([{ id: ids[i], county: `县${i}` }]));
    }
  });
});
