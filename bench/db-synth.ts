// npm run db:synth -- --scale N [--database-url URL | --data-dir DIR] [--fresh] [--seed S] [--end YYYY-MM] [--months M] [--no-publish]
// Writes the deterministic synthetic benchmark dataset into a database of its own: with
// DATABASE_URL (or --database-url), the PostgreSQL database ppt_synth_s<N> (created here);
// without, the embedded data folder ./data-synth-s<N>. Never writes into any other database.
import { parseArgs } from "node:util";
import { SYNTH_PASSWORD } from "./synth/generate";
import { embeddedTarget, ensureSynth, postgresTarget } from "./synth/target";

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      "database-url": { type: "string" },
      "data-dir": { type: "string" },
      fresh: { type: "boolean", default: false },
      seed: { type: "string" },
      end: { type: "string" },
      months: { type: "string" },
      "no-publish": { type: "boolean", default: false },
    },
  });
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error("--scale 须为正数，例如 --scale 1 或 --scale 100");
  if (values.end && !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(values.end)) throw new Error("--end 须为 YYYY-MM");
  const useEmbedded = !!values["data-dir"] || (!values["database-url"] && !process.env.DATABASE_URL);
  const target = useEmbedded
    ? embeddedTarget({ scale, dataDir: values["data-dir"] })
    : postgresTarget({ scale, databaseUrl: values["database-url"], serverUrl: process.env.DATABASE_URL });
  console.log(target.engine === "postgres" ? `目标：PostgreSQL 数据库 ${target.database}` : `目标：内置数据库目录 ${target.dataDir}`);
  const result = await ensureSynth(target, {
    scale,
    seed: values.seed ? Number(values.seed) : undefined,
    endMonth: values.end,
    months: values.months ? Number(values.months) : undefined,
    fresh: values.fresh,
    publish: !values["no-publish"],
    log: (line) => console.log(line),
  });
  if (!result.created) {
    console.log(`合成数据已存在（${JSON.stringify(result.marker)}），未作改动；加 --fresh 重建。`);
  } else {
    const s = result.summary!;
    console.log(
      `完成：${JSON.stringify(s.rows)}；发布 ${s.publications} 个月；用时 ${s.seconds.total.toFixed(1)} 秒（生成 ${s.seconds.generate.toFixed(1)}，写入 ${s.seconds.insert.toFixed(1)}，发布 ${s.seconds.publish.toFixed(1)}）`,
    );
  }
  if (target.engine === "postgres") console.log(`DATABASE_URL=${target.url.replace(/:[^:@/]*@/, ":***@")}`);
  else console.log(`DATA_DIR=${target.dataDir}`);
  console.log(`账号：bench-admin（管理员）、bench-leader（领导）、bench-p001…（县区填报员），密码均为 ${SYNTH_PASSWORD}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
