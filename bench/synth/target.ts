// Where a synthetic dataset lives: a database of its own, never the user's. On PostgreSQL a
// database named ppt_synth_* (created here); on the embedded engine a data folder this code
// created (it holds a .synth-owner file). Anything else is refused.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "@/server/db/embedded";
import { migrateDeploy } from "@/server/db/runtime";
import { synthPlan, SYNTH_VERSION, type SynthOptions } from "./generate";
import { finishSynth, loadSynth, markSynth, schemaFingerprint, synthMarker, synthRowsMarker, type SynthSummary } from "./load";

export const SYNTH_DB_PREFIX = "ppt_synth_";
const OWNER_FILE = ".synth-owner";
const DONE_FILE = "synth.json";

/** "1" → "s1", "0.1" → "s0_1" */
export function scaleTag(scale: number): string {
  return `s${String(scale).replace(/[^0-9]/g, "_")}`;
}

export type SynthTarget = { engine: "postgres"; serverUrl: string; database: string; url: string } | { engine: "embedded"; dataDir: string };

export function postgresTarget(options: { scale: number; databaseUrl?: string; serverUrl?: string }): SynthTarget {
  if (options.databaseUrl) {
    const u = new URL(options.databaseUrl);
    const database = decodeURIComponent(u.pathname.slice(1));
    if (!database.startsWith(SYNTH_DB_PREFIX)) {
      throw new Error(`拒绝写入数据库「${database}」：合成数据只写入名称以 ${SYNTH_DB_PREFIX} 开头的数据库。`);
    }
    const server = new URL(options.databaseUrl);
    server.pathname = "/postgres";
    return { engine: "postgres", serverUrl: server.toString(), database, url: options.databaseUrl };
  }
  if (!options.serverUrl) throw new Error("需要 DATABASE_URL 或 --database-url。");
  const database = `${SYNTH_DB_PREFIX}${scaleTag(options.scale)}`;
  const u = new URL(options.serverUrl);
  u.pathname = `/${database}`;
  return { engine: "postgres", serverUrl: options.serverUrl, database, url: u.toString() };
}

export function embeddedTarget(options: { scale: number; dataDir?: string }): SynthTarget {
  return { engine: "embedded", dataDir: path.resolve(options.dataDir ?? `data-synth-${scaleTag(options.scale)}`) };
}

async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** whether a complete dataset's marker is the one `options` would write, on the current schema */
function sameDataset(marker: Record<string, unknown>, options: SynthOptions): boolean {
  return marker.schema === schemaFingerprint() && sameGeneration(marker, options);
}

/** whether a dataset's marker is the one `options` would write, whatever schema it was loaded under */
function sameGeneration(marker: Record<string, unknown>, options: SynthOptions): boolean {
  const plan = synthPlan(options);
  return (
    marker.version === SYNTH_VERSION && marker.scale === plan.scale && marker.seed === plan.seed && marker.months === plan.months.length && marker.openMonth === plan.openMonth
  );
}

export type EnsureResult = { created: boolean; summary?: SynthSummary; marker?: Record<string, unknown> };

/**
 * Makes sure `target` holds the synthetic dataset of `options`: creates and loads it when
 * missing, leaves a complete one alone (unless `fresh`, which drops and recreates it).
 */
export async function ensureSynth(target: SynthTarget, options: SynthOptions & { fresh?: boolean; publish?: boolean; log?: (line: string) => void }): Promise<EnsureResult> {
  const log = options.log ?? (() => {});
  if (target.engine === "postgres") {
    const exists = (await adminQuery(target.serverUrl, `SELECT 1 FROM pg_database WHERE datname = $1`, [target.database])).rowCount! > 0;
    if (exists && !options.fresh) {
      const marker = await synthMarker(target.url);
      if (marker && sameDataset(marker, options)) return { created: false, marker };
      if (marker && sameGeneration(marker, options)) {
        // loaded under an older schema: migrated forward as a production database is (a scale-1000
        // load takes half an hour); a generator change (SYNTH_VERSION) still rebuilds
        log(`${target.database} 是旧数据库结构下写入的合成数据，应用新的迁移…`);
        await migrateDeploy(target.url, true);
        const migrated = { ...marker, schema: schemaFingerprint() };
        await markSynth(target.url, migrated);
        return { created: false, marker: migrated };
      }
      if (marker) log(`${target.database} 是另一版本或参数的合成数据，重建…`);
      else {
        // interrupted after its rows were committed (while publishing): resume at the first unpublished month
        const rows = await synthRowsMarker(target.url);
        const plan = synthPlan(options);
        if (!rows || !sameDataset(rows, options)) throw new Error(`数据库 ${target.database} 已存在但不是完整的合成数据（可能上次中断）：加 --fresh 重建。`);
        log(`${target.database} 的数据已写入但发布未完成（上次中断），继续…`);
        const t0 = performance.now();
        const publications = await finishSynth(target.url, plan, rows.rows as Record<string, number>, options);
        const seconds = (performance.now() - t0) / 1000;
        return { created: true, summary: { plan, rows: rows.rows as Record<string, number>, publications, seconds: { generate: 0, insert: 0, publish: seconds, total: seconds } } };
      }
    }
    if (exists) {
      log(`删除并重建 ${target.database}…`);
      await adminQuery(target.serverUrl, `DROP DATABASE "${target.database}" WITH (FORCE)`);
    }
    await adminQuery(target.serverUrl, `CREATE DATABASE "${target.database}"`);
    await migrateDeploy(target.url, true);
    const summary = await loadSynth(target.url, options);
    return { created: true, summary };
  }

  const dir = target.dataDir;
  const owner = path.join(dir, OWNER_FILE);
  const done = path.join(dir, DONE_FILE);
  const nonEmpty = fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
  if (nonEmpty) {
    if (!fs.existsSync(owner)) throw new Error(`拒绝写入 ${dir}：该目录不是合成数据目录（没有 ${OWNER_FILE}）。`);
    const marker = fs.existsSync(done) ? (JSON.parse(fs.readFileSync(done, "utf8")) as Record<string, unknown>) : null;
    if (!options.fresh) {
      if (marker && sameDataset(marker, options)) return { created: false, marker };
      if (!marker) throw new Error(`合成数据目录 ${dir} 不完整（可能上次中断）：加 --fresh 重建。`);
      log(`${dir} 是另一版本或参数的合成数据，重建…`);
    }
    log(`删除并重建 ${dir}…`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(owner, "created by npm run db:synth; may be deleted\n");
  const embedded = await startEmbeddedDatabase({ dataDir: dir });
  try {
    await migrateDeploy(embedded.url, true);
    const summary = await loadSynth(embedded.url, options);
    fs.writeFileSync(
      done,
      JSON.stringify(
        {
          version: SYNTH_VERSION,
          schema: schemaFingerprint(),
          scale: summary.plan.scale,
          end: summary.plan.openMonth,
          seed: summary.plan.seed,
          months: summary.plan.months.length,
          openMonth: summary.plan.openMonth,
          rows: summary.rows,
          publications: summary.publications,
        },
        null,
        2,
      ),
    );
    return { created: true, summary };
  } finally {
    await embedded.stop();
  }
}
