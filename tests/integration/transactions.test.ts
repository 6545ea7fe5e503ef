// PGlite is a single session; its socket server multiplexes connections onto it. These tests
// prove that concurrent transactions through it (and through PostgreSQL) stay isolated and
// lose no write, and that a connection which goes away in the middle of a transaction leaves
// nothing behind and holds up nobody, as on PostgreSQL.
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// the form actions run against a database client the test chooses, as a signed-in user (h.prisma, h.token)
import { request as h } from "../helpers/next-request";
import { monthlyReportFields } from "../helpers/monthly-report";
import { ProtocolAwareQueue } from "@/server/db/embedded-queue";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bind, execute, parse, query, sendAndCut, sync } from "../helpers/wire";
import { atEveryStatement, faultyDb, type FaultKind } from "../helpers/faults";
import { fingerprint, formData } from "../helpers/fingerprint";
import { actorsOf, sessionToken, type Actors } from "../helpers/actors";
import { reviewMonthlyReport } from "@/server/monthly-reports/service";
import { TX_OPTIONS } from "@/server/tx";
import { CONNECTION_FAILURE_MESSAGE, connectionFailure } from "@/server/db/connection-errors";
import { saveReportAction } from "@/server/monthly-reports/actions";
import { initialActionState, type ActionState } from "@/server/action-state";

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
      Array.from(
        { length: 20 },
        (_, i) =>
          t.prisma.$transaction(async (tx) => {
            await tx.park.create({ data: { name: `并发园区${i}`, county: "z" } });
            await tx.park.update({ where: { id: parkId }, data: { sortOrder: { increment: 1 } } });
          }, TX_OPTIONS), // the app's own waiting time (src/server/tx.ts): Prisma's default 2 s is too short on a busy machine
      ),
    );
    expect(await t.prisma.park.count({ where: { county: "z" } })).toBe(20);
    expect((await t.prisma.park.findUniqueOrThrow({ where: { id: parkId } })).sortOrder).toBe(22);
  });

  it("many concurrent parameterised queries on separate connections each get their own answer", async () => {
    // the extended protocol (Parse/Bind/Execute/Sync) must not interleave between connections
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => t.prisma.park.create({ data: { name: `参数园区${i}`, county: `县${i}` } }).then((p) => p.id)));
    // raw queries: Prisma cannot batch them into one statement
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(ids.map((id) => t.prisma.$queryRaw<Array<{ id: number; county: string }>>`SELECT id, county FROM "Park" WHERE id = ${id}`));
      answers.forEach((a, i) => expect(a).toEqual([{ id: ids[i], county: `县${i}` }]));
    }
  });
});

/** Rejects when `promise` has not settled after a long while: a hang fails the test instead of stalling it. */
function settles<T>(promise: Promise<T>, what: string, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`never settled: ${what}`)), ms)));
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

describe("the embedded database's one session, when a connection goes away", () => {
  // The queue driven as pglite-socket's connection handler drives it: messages enqueued one by
  // one, and on a closed socket clearQueueForHandler then clearTransactionIfNeeded — here at
  // the worst moments, while the connection's message is still executing.
  let db: PGlite;
  let queue: ProtocolAwareQueue;
  let nextHandler = 1;
  // a fresh session for each case, so that one case stuck does not decide the next
  beforeEach(async () => {
    db = await PGlite.create();
    await db.exec("CREATE TABLE t (v text)");
    queue = new ProtocolAwareQueue(db);
  });
  afterEach(async () => db?.close());

  const send = (handler: number, ...messages: Uint8Array[]) => Promise.all(messages.map((m) => queue.enqueue(handler, m, () => {})));
  const close = async (handler: number) => {
    queue.clearQueueForHandler(handler);
    await queue.clearTransactionIfNeeded(handler);
  };
  /** Another connection gets the session, and nothing of the closed one was kept. */
  async function nothingKeptAndSessionFree() {
    await settles(send(nextHandler++, query("SELECT 1")), "the next connection's query");
    expect(db.isInTransaction()).toBe(false);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM t")).rows[0].n).toBe(0);
  }

  it("a transaction begun by a message still executing when its connection closes is rolled back", async () => {
    for (let i = 0; i < 3; i++) {
      const h = nextHandler++;
      const inFlight = send(h, query("BEGIN; INSERT INTO t VALUES ('lost')"));
      await close(h);
      await inFlight.catch(() => {});
      await nothingKeptAndSessionFree();
    }
  });

  it("a connection closed between the statements of its transaction is rolled back", async () => {
    const h = nextHandler++;
    await send(h, query("BEGIN"), query("INSERT INTO t VALUES ('lost')"));
    expect(db.isInTransaction()).toBe(true);
    await close(h);
    await nothingKeptAndSessionFree();
  });

  it("a connection closed in the middle of a query cycle (Execute sent, no Sync) keeps nothing, inside or outside a transaction", async () => {
    const inTx = nextHandler++;
    await send(inTx, query("BEGIN"), parse("INSERT INTO t VALUES ('lost')"), bind(), execute());
    await close(inTx);
    await nothingKeptAndSessionFree();
    // no BEGIN: PostgreSQL runs the statement in an implicit transaction that only Sync commits
    const implicit = nextHandler++;
    await send(implicit, parse("INSERT INTO t VALUES ('lost')"), bind(), execute());
    await close(implicit);
    await nothingKeptAndSessionFree();
    // an error in the cycle: the session skips messages until Sync; the next connection is not skipped
    const failed = nextHandler++;
    await send(failed, query("BEGIN"), parse("INSERT INTO no_such_table VALUES (1)"), bind(), execute());
    await close(failed);
    await nothingKeptAndSessionFree();
  });

  it("a connection that closes while another holds the session leaves the other's transaction alone", async () => {
    const holder = nextHandler++;
    await send(holder, query("BEGIN"), query("INSERT INTO t VALUES ('kept')"));
    const leaver = nextHandler++;
    const waiting = send(leaver, query("INSERT INTO t VALUES ('lost')"));
    await close(leaver);
    await waiting.catch(() => {});
    await settles(send(holder, query("COMMIT")), "the holder's COMMIT");
    expect((await db.query<{ v: string }>("SELECT v FROM t")).rows).toEqual([{ v: "kept" }]);
  });
});

describe(`a client that disappears mid-transaction (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"}, over the socket)`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  const connect = async () => {
    const client = new pg.Client({ connectionString: t.url });
    client.on("error", () => {}); // its connection is cut on purpose
    await client.connect();
    return client;
  };
  const INSERT = `INSERT INTO "Park" (name, county, "updatedAt") VALUES ('断线园区', 'x', now())`;

  it("its writes are gone and every other connection goes on, whatever it was sending", async () => {
    const cuts: Array<[string, (c: pg.Client) => Promise<void>]> = [
      ["a BEGIN and a write, sent together", (c) => sendAndCut(c, query(`BEGIN; ${INSERT}`))],
      [
        "a write of an open transaction",
        async (c) => {
          await c.query("BEGIN");
          await sendAndCut(c, query(INSERT));
        },
      ],
      [
        "a write's Execute without its Sync",
        async (c) => {
          await c.query("BEGIN");
          await sendAndCut(c, parse(INSERT), bind(), execute());
        },
      ],
      ["an implicit transaction's Execute without its Sync", (c) => sendAndCut(c, parse(INSERT), bind(), execute())],
      [
        "a transaction cut before its COMMIT",
        async (c) => {
          await c.query("BEGIN");
          await c.query(INSERT);
          await sendAndCut(c);
        },
      ],
    ];
    for (const [what, cut] of cuts) {
      const client = await connect();
      await cut(client);
      // the server may still be finishing with it; another connection is served meanwhile
      await settles(t.prisma.park.create({ data: { name: `之后的园区 ${what}`, county: "y" } }), `a write after: ${what}`);
      expect(await t.prisma.park.count({ where: { name: "断线园区" } }), what).toBe(0);
    }
    // the same write sent whole (with its Sync, or committed) before the cut is kept: the cut, not the SQL, lost it
    const client = await connect();
    await sendAndCut(client, parse(INSERT), bind(), execute(), sync());
    await settles(
      (async () => {
        while ((await t.prisma.park.count({ where: { name: "断线园区" } })) === 0) await sleep(50);
      })(),
      "the committed write to appear",
    );
  });
});

describe(`the app's connection pool after transactions whose connection was lost (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  it("more transactions cut mid-way than the pool has connections: each stores nothing and says so, and the next request is served", async () => {
    const f = faultyDb(t.url, 2);
    try {
      const kinds: FaultKind[] = process.env.DATABASE_URL ? ["cut", "terminate"] : ["cut"];
      for (let i = 0; i < 6; i++) {
        const kind = kinds[i % kinds.length];
        // statements: BEGIN, INSERT, INSERT, COMMIT — lost at the second INSERT
        f.arm({ at: 3, kind });
        const error = await f.prisma
          .$transaction(async (tx) => {
            await tx.park.create({ data: { name: `断线${i}甲`, county: "x" } });
            await tx.park.create({ data: { name: `断线${i}乙`, county: "x" } });
          })
          .then(
            () => null,
            (e: unknown) => e,
          );
        expect(f.fired, `${kind} #${i}`).toBe(true);
        expect(connectionFailure(error), `${kind} #${i}: ${String(error)}`).toBe("lost");
        expect(await settles(f.prisma.park.count({ where: { county: "x" } }), `a query after cut #${i}`)).toBe(0);
      }
    } finally {
      await f.disconnect();
    }
  });
});

describe(`a report save whose database connection is lost (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  let t: TestDatabase;
  let a: Actors;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    a = await actorsOf(t.prisma);
    h.token = await sessionToken(t.prisma, a.huitong);
    vi.spyOn(console, "warn").mockImplementation(() => {}); // the actions log each lost connection
  });
  afterAll(async () => t?.drop());

  const report = () => t.prisma.monthlyReport.findFirst({ where: { project: { code: "YQ2024-001" }, month: "2024-12" }, include: { currentRevision: true } });
  const submit = async (progressText: string) =>
    saveReportAction(initialActionState, formData(monthlyReportFields({ progressText, version: String((await report())?.version ?? 0) })));

  it("is stored whole or not at all, the county is told so, and the same save then succeeds", async () => {
    const f = faultyDb(t.url);
    h.prisma = f.prisma;
    try {
      const before = await fingerprint(t.prisma);
      const lost = async (moment: string, result: ActionState, statement: string) => {
        expect(result, moment).toMatchObject({
          ok: false,
          message: CONNECTION_FAILURE_MESSAGE[statement === "COMMIT" ? "commit-unknown" : "lost"],
          values: { progressText: "主体厂房封顶" },
        });
        expect(await fingerprint(t.prisma), moment).toBe(before);
      };
      if (process.env.DATABASE_URL) {
        // the backend terminated in the middle of the transaction
        f.arm({ at: { afterBegin: 4 }, kind: "terminate" });
        await lost("backend terminated at the 4th statement after BEGIN", await submit("主体厂房封顶"), "");
        expect(f.fired).toBe(true);
      }
      // the connection lost at every statement in turn; then the connection is good and the same save goes through, all of it
      const { result, statements } = await atEveryStatement(f, "cut", () => submit("主体厂房封顶"), lost);
      expect(statements).toBeGreaterThan(8); // the save's statements, each met once
      expect(result).toMatchObject({ ok: true, message: "2024年12月报表已提交（第1版），等待园区审核。" });
      const saved = await report();
      expect(saved).toMatchObject({ status: "SUBMITTED", version: 1 });
      expect(saved?.currentRevision).toMatchObject({ revisionNo: 1, progressText: "主体厂房封顶" });
      expect(await t.prisma.reportEvent.count({ where: { reportId: saved!.id, action: "SUBMIT" } })).toBe(1);
      expect(await t.prisma.auditLog.count({ where: { action: "report.submit", entityId: String(saved!.id) } })).toBe(1);
    } finally {
      await f.disconnect();
    }
  });

  it("lost while its COMMIT is on the way: stored whole or not at all, the county is told it cannot be known, and a retry never stores it twice", async () => {
    const f = faultyDb(t.url);
    h.prisma = f.prisma;
    try {
      const submitted = await report();
      await reviewMonthlyReport(t.prisma, a.admin, { reportId: submitted!.id, version: submitted!.version, decision: "return", reason: "请补充照片" });
      // everything the save writes, read in one snapshot (the server may still be committing)
      const snapshot = () =>
        t.prisma.$transaction(
          async (tx) => {
            const r = await tx.monthlyReport.findFirstOrThrow({ where: { id: submitted!.id }, include: { currentRevision: true } });
            return {
              version: r.version,
              status: r.status,
              current: r.currentRevision?.progressText,
              revisions: await tx.monthlyReportRevision.count({ where: { reportId: r.id } }),
              events: await tx.reportEvent.count({ where: { reportId: r.id } }),
              audits: await tx.auditLog.count({ where: { entity: "MonthlyReport", entityId: String(r.id) } }),
            };
          },
          { isolationLevel: "RepeatableRead" },
        );
      const before = await snapshot();
      f.arm({ at: "COMMIT", kind: "cut-in-flight" });
      expect(await submit("设备进场")).toMatchObject({ ok: false, message: CONNECTION_FAILURE_MESSAGE["commit-unknown"] });
      expect(f.fired).toBe(true);
      const after = await settles(snapshot(), "reading the report after the cut");
      const whole = {
        version: before.version + 1,
        status: "SUBMITTED",
        current: "设备进场",
        revisions: before.revisions + 1,
        events: before.events + 1,
        audits: before.audits + 1,
      };
      expect([before, whole]).toContainEqual(after);
      // the same form sent again (the page not reloaded): stored now, or refused as a conflict if it was stored — never twice
      f.count();
      const retry = await saveReportAction(initialActionState, formData(monthlyReportFields({ progressText: "设备进场", version: String(before.version) })));
      expect(retry.message).toMatch(/^(2024年12月报表已提交（第3版）|保存冲突)/);
      expect(await snapshot()).toEqual(whole);
    } finally {
      await f.disconnect();
    }
  });
});
