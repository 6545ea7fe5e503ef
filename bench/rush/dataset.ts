// The rush's database: a copy of the scale-N synthetic dataset (bench/synth) made for one run
// (bench_rush_<time>, dropped afterwards). The dataset itself is loaded once into
// bench_rush_s<N>_template by the synth loader and copied with CREATE DATABASE … TEMPLATE (a few
// seconds instead of a minute or two of loading and publishing).
import pg from "pg";
import { migrateDeploy } from "@/server/db/runtime";
import { SYNTH_VERSION } from "../synth/generate";
import { loadSynth, schemaFingerprint, synthMarker } from "../synth/load";
import { scaleTag } from "../synth/target";

export const RUSH_DB_PREFIX = "bench_rush_";

async function admin<T extends pg.QueryResultRow>(serverUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Makes sure the template holds the current dataset (loads it when missing or stale). */
async function ensureTemplate(serverUrl: string, scale: number, log: (l: string) => void): Promise<string> {
  const name = `${RUSH_DB_PREFIX}${scaleTag(scale)}_template`;
  const url = databaseUrl(serverUrl, name);
  const exists = (await admin(serverUrl, `SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount! > 0;
  if (exists) {
    const marker = await synthMarker(url).catch(() => null);
    if (marker && marker.version === SYNTH_VERSION && marker.schema === schemaFingerprint() && marker.scale === scale) return name;
    log(`${name} 不是当前版本的合成数据，重建…`);
    await admin(serverUrl, `DROP DATABASE "${name}" WITH (FORCE)`);
  }
  log(`写入合成数据（规模 ${scale}）到 ${name}…`);
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    await migrateDeploy(url, true);
    await loadSynth(url, { scale, log });
  } catch (e) {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    throw e;
  }
  return name;
}

/** A fresh copy of the scale-`scale` dataset for this run; returns its name and URL. */
export async function createRunDatabase(serverUrl: string, scale: number, log: (l: string) => void): Promise<{ name: string; url: string }> {
  const template = await ensureTemplate(serverUrl, scale, log);
  const name = `${RUSH_DB_PREFIX}${new Date()
    .toISOString()
    .replace(/[-:T.Z]/g, "")
    .slice(0, 14)}`;
  await admin(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return { name, url: databaseUrl(serverUrl, name) };
}

export async function dropRunDatabase(serverUrl: string, name: string): Promise<void> {
  if (!name.startsWith(RUSH_DB_PREFIX) || name.endsWith("_template")) throw new Error(`refusing to drop ${name}`);
  await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
