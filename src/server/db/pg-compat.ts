// Works around prisma/orm#27403: Prisma's WebAssembly schema engine cannot deserialize the
// PostgreSQL catalog types `char` (oid 18) and `name` (oid 19), nor arrays of them
// (1002, 1003), when it reads them through @prisma/adapter-pg. This Client reports such
// result columns as `text` / `text[]`, whose wire format is identical, so migrate works.
import pg from "pg";

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
const wrap = (cb: Callback): Callback => (err, res) => cb(err, err ? res : rewriteFieldTypes(res));

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
