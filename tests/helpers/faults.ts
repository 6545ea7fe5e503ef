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

export type Fault = { at: number | "COMMIT"; kind: FaultKind };

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
      const due = fault && !state.fired && (fault.at === "COMMIT" ? text === "COMMIT" : state.sent.length === fault.at);
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

export type Moment = { name: string; fault: Fault };

/**
 * The moments at which to lose the connection of an operation whose statements, counted in a
 * run cut at COMMIT, were `sent`: its first statement after BEGIN, the middle of its
 * transaction, and (PostgreSQL) the middle again with the backend terminated instead. The cut
 * just before COMMIT is that counting run itself.
 */
export function lossMoments(sent: string[]): Moment[] {
  const begin = sent.indexOf("BEGIN");
  const commit = sent.lastIndexOf("COMMIT");
  if (begin === -1 || commit === -1) throw new Error(`no transaction among the statements sent: ${sent.join(" | ")}`);
  const first = begin + 2; // counted from 1
  const middle = begin + 1 + Math.ceil((commit - begin) / 2);
  const moments: Moment[] = [
    { name: `its first statement after BEGIN (${first} of ${sent.length})`, fault: { at: first, kind: "cut" } },
    { name: `the middle of its transaction (${middle} of ${sent.length})`, fault: { at: middle, kind: "cut" } },
  ];
  if (process.env.DATABASE_URL) {
    moments.push({ name: `the middle, its backend terminated (${middle + 1} of ${sent.length})`, fault: { at: middle + 1, kind: "terminate" } });
  }
  return moments;
}
