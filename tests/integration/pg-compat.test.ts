import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { CompatClient, rewriteFieldTypes } from "@/server/db/pg-compat";
import { createEmptyDatabase } from "../helpers/db";

describe("rewriteFieldTypes", () => {
  it("reports char, name and their arrays as text and text[]", () => {
    const result = { fields: [18, 19, 1002, 1003, 23, 1009].map((dataTypeID) => ({ dataTypeID })) };
    expect(rewriteFieldTypes(result).fields.map((f) => f.dataTypeID)).toEqual([25, 25, 1009, 1009, 23, 1009]);
    const multi = [{ fields: [{ dataTypeID: 19 }] }, { fields: [{ dataTypeID: 18 }] }];
    expect(rewriteFieldTypes(multi).map((r) => r.fields[0].dataTypeID)).toEqual([25, 25]);
  });
});

describe("CompatClient against a real database", () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let client: CompatClient;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    client = new CompatClient({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });
  const sql = `SELECT 'abc'::name AS n, 'x'::"char" AS c, ARRAY['a'::name] AS na, 7 AS i`;

  it("rewrites field types in the promise form", async () => {
    const res: pg.QueryResult = await client.query(sql);
    expect(res.fields.map((f) => f.dataTypeID)).toEqual([25, 25, 1009, 23]);
    // values are untouched: the array arrives as its text form, which adapter-pg parses by the rewritten type
    expect(res.rows[0]).toEqual({ n: "abc", c: "x", na: "{a}", i: 7 });
  });

  it("rewrites field types in the callback form", async () => {
    const res = await new Promise<pg.QueryResult>((resolve, reject) => client.query(sql, [], (err: Error | null, r: pg.QueryResult) => (err ? reject(err) : resolve(r))));
    expect(res.fields.map((f) => f.dataTypeID)).toEqual([25, 25, 1009, 23]);
  });

  it("passes errors through unchanged", async () => {
    await expect(client.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
  });
});
