// Works around prisma/orm#27403: Prisma's WebAssembly schema engine cannot deserialize the
// PostgreSQL catalog types `char` (oid 18) and `name` (oid 19), nor arrays of them
// (1002, 1003), when it reads them through @prisma/adapter-pg. This Client reports such
// result columns as `text` / `text[]`, whose wire format is identical, so migrate works.
// Also here: migration scripts sent whole, and connections of failed transactions handed back
// to the pool (both below).
import pg from "pg";
import { CommitOutcomeUnknown, isConnectionLost } from "./connection-errors";

const REWRITTEN_OIDS: Readonly<Record<number, number>> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

type Result = { fields?: Array<{ dataTypeID: number }> };

export function rewriteFieldTypes<T>(result: T): T {
  const fix = (r: Result | undefined) => {
    for (const field of r?.fields ?? []) {
      const replacement = REWRITTEN_OIDS[field.dataTypeID];
      if (replacement !== undefined) field.dataTypeID = replacement;
    }
  };
  if (Array.isArray(result)) result.forEach(fix);
  else fix(result as Result);
  return result;
}

type Callback = (err: Error | null, res: unknown) => void;
const wrap =
  (cb: Callback): Callback =>
  (err, res) =>
    cb(err, err ? res : rewriteFieldTypes(res));

export class CompatClient extends pg.Client {
  // pg's query() has many overloads: (text|config, values?, callback?) returning a promise
  // when no callback is given, or a Submittable config carrying its own callback.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      args[cbIndex] = wrap(args[cbIndex]);
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const config = args[0];
    if (config && typeof config === "object" && typeof config.callback === "function") {
      config.callback = wrap(config.callback);
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const ret = (super.query as (...a: unknown[]) => unknown)(...args);
    if (ret && typeof (ret as Promise<unknown>).then === "function" && typeof config?.submit !== "function") {
      return (ret as Promise<unknown>).then(rewriteFieldTypes);
    }
    return ret;
  }
}

/**
 * adapter-pg's executeScript (used by `prisma migrate` to apply a migration) splits the script
 * on every ";", which breaks dollar-quoted function bodies. Send each script whole instead: a
 * multi-statement simple query, which PostgreSQL also runs as one transaction.
 */
export function sendScriptsWhole<T extends { executeScript(script: string): Promise<void> }>(adapter: T): T {
  const internals = adapter as unknown as { client: pg.Pool | pg.PoolClient; onError(e: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (e) {
      internals.onError(e);
    }
  };
  return adapter;
}

type Query = { sql: string };
type Transaction = {
  executeRaw(query: Query): Promise<number>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
};

/**
 * Works around a connection leak in Prisma 6.19's transaction manager: it ends a transaction by
 * sending COMMIT or ROLLBACK and only after that statement succeeds hands the connection back to
 * the pool (adapter-pg's commit()/rollback()). When the connection was cut in the middle of the
 * transaction, the ROLLBACK fails and the connection is never handed back; after as many such
 * cuts as the pool has connections, every request waits for a connection and fails. Here a
 * failed COMMIT or ROLLBACK hands the connection back at once, as broken (the pool closes it and
 * opens a fresh one when needed), and the manager's commit()/rollback() afterwards does nothing.
 * A COMMIT whose connection was lost is reported as CommitOutcomeUnknown: the server may have
 * committed before the connection went, and nobody can tell from here.
 */
export function releaseFailedTransactions<T extends { startTransaction(...args: never[]): Promise<unknown> }>(adapter: T): T {
  const start = adapter.startTransaction.bind(adapter) as (...args: unknown[]) => Promise<Transaction>;
  (adapter as unknown as { startTransaction: typeof start }).startTransaction = async (...args: unknown[]) => {
    const tx = await start(...args);
    // adapter-pg's transaction keeps its pooled connection and a cleanup of its error listener
    const internals = tx as unknown as { client: pg.PoolClient; cleanup?: () => void };
    let handedBack = false;
    const once = (end: () => Promise<void>) => async () => {
      if (handedBack) return;
      handedBack = true;
      await end();
    };
    const executeRaw = tx.executeRaw.bind(tx);
    tx.commit = once(tx.commit.bind(tx));
    tx.rollback = once(tx.rollback.bind(tx));
    tx.executeRaw = async (query: Query) => {
      try {
        return await executeRaw(query);
      } catch (e) {
        if (!handedBack && (query.sql === "COMMIT" || query.sql === "ROLLBACK")) {
          handedBack = true;
          internals.cleanup?.();
          internals.client.release(e instanceof Error ? e : new Error(String(e)));
          if (query.sql === "COMMIT" && isConnectionLost(e)) throw new CommitOutcomeUnknown(e);
        }
        throw e;
      }
    };
    return tx;
  };
  return adapter;
}
