// A database connection that fails on cue: a Prisma client built like the app's (the same
// adapter, pool and workarounds) whose connection is cut — or, on PostgreSQL, whose backend is
// terminated from another connection — at the k-th SQL statement sent after arm(), or at the
// first COMMIT. Statements are counted across the pool, in the order the operation sends them,
// so the same k means the same moment whether or not the operation runs in a transaction.
import pg from "pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { adapterOnPool, createPool } from "../../src/server/db/adapter";
import { CompatClient } from "../../src/server/db/pg-compat";
import type { Db } from "../../src/server/db/client";

export type FaultKind =
  /** the connection is cut before the statement is sent: it never reaches the server */
  | "cut"
  /** the connection is cut right after the statement is sent: the client never learns its outcome */
  | "cut-in-flight"
  /** PostgreSQL only: pg_terminate_backend of the connection's backend, then the statement is sent */
  | "terminate"
  /** the statement fails with an error that has nothing to do with the connection (a bug, say) */
  | "fail";

/** At the k-th statement sent, at the first COMMIT, or at the n-th statement after the first BEGIN. */
export type Fault = { at: number | "COMMIT" | { afterBegin: number }; kind: FaultKind };

export type FaultyDb = {
  prisma: Db;
  /** The next operation meets `fault`; statements are counted from here. */
  arm(fault: Fault): void;
  /** Counts statements from here without any fault. */
  count(): void;
  /** The statements sent since arm()/count(), and whether the fault was met. */
  readonly sent: string[];
  readonly fired: boolean;
  disconnect(): Promise<void>;
};

type State = { fault: Fault | null; sent: string[]; fired: boolean; counting: boolean; admin: () => Promise<pg.Client> };

function faultyClientClass(state: State): typeof CompatClient {
  return class FaultyClient extends CompatClient {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(...args: any[]): any {
      const text: string | undefined = typeof args[0] === "string" ? args[0] : args[0]?.text;
      if (!state.counting || text === undefined) return super.query(...args);
      state.sent.push(text);
      const fault = state.fault;
      const at = fault?.at;
      const begin = state.sent.indexOf("BEGIN");
      const due =
        fault &&
        !state.fired &&
        (at === "COMMIT" ? text === "COMMIT" : typeof at === "number" ? state.sent.length === at : begin !== -1 && state.sent.length === begin + 1 + at!.afterBegin);
      if (!fault || !due) return super.query(...args);
      state.fired = true;
      const stream = (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream;
      switch (fault.kind) {
        case "cut":
          stream.destroy();
          return super.query(...args);
        case "cut-in-flight": {
          const result = super.query(...args);
          stream.destroy();
          return result;
        }
        case "terminate": {
          const pid = (this as unknown as { processID: number }).processID;
          return state
            .admin()
            .then((admin) => admin.query("SELECT pg_terminate_backend($1)", [pid]))
            .then(() => super.query(...args));
        }
        case "fail":
          return Promise.reject(new TypeError(`injected failure at statement ${state.sent.length}`));
      }
    }
  };
}

/** A client on `url` with `connections` pooled connections that fails as armed. */
export function faultyDb(url: string, connections = 4): FaultyDb {
  let admin: pg.Client | null = null;
  const state: State = {
    fault: null,
    sent: [],
    fired: false,
    counting: false,
    admin: async () => {
      if (!admin) {
        admin = new pg.Client({ connectionString: url });
        await admin.connect();
      }
      return admin;
    },
  };
  const pool = createPool(url, connections, { Client: faultyClientClass(state) });
  pool.removeAllListeners("error");
  pool.on("error", () => {}); // connections cut on purpose
  const prisma = new PrismaClient({ adapter: adapterOnPool(pool) }) as unknown as Db;
  return {
    prisma,
    arm(fault) {
      Object.assign(state, { fault, sent: [], fired: false, counting: true });
    },
    count() {
      Object.assign(state, { fault: null, sent: [], fired: false, counting: true });
    },
    get sent() {
      return state.sent;
    },
    get fired() {
      return state.fired;
    },
    async disconnect() {
      await prisma.$disconnect();
      await (admin as pg.Client | null)?.end();
    },
  };
}

/**
 * Runs `run` with the connection lost at its 1st statement, then its 2nd, and so on (`kind`),
 * calling `check` after each with what it answered and the statement that met the fault, until
 * a run sends fewer statements than the fault waits for: that last run met no fault, and its
 * answer is returned (the operation done on a good connection).
 */
export async function atEveryStatement<R>(
  f: FaultyDb,
  kind: FaultKind,
  run: () => Promise<R>,
  check: (moment: string, result: R, statement: string) => Promise<void>,
): Promise<{ result: R; statements: number }> {
  for (let k = 1; k <= 1000; k++) {
    f.arm({ at: k, kind });
    const result = await run();
    if (!f.fired) return { result, statements: f.sent.length };
    const statement = f.sent[k - 1];
    await check(`lost at statement ${k} (${statement.replace(/\s+/g, " ").slice(0, 60)})`, result, statement);
  }
  throw new Error("the operation never ended");
}
