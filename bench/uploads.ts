// npm run bench -- --uploads: the app server's memory under uploads and oversized requests (issue
// 15), on the running bench server (bench/run.ts starts it on the scale-1 dataset).
// 1. Eight county staff send the monthly report with six photos of about 9.8 MB each (real JPEGs,
//    60 MB a request) at the same moment, three rounds: every photo is decoded and re-encoded (the
//    save then stops at its figures' check, so nothing is stored).
// 2. The attack of the issue: anonymous and signed in, one at a time and eight at once, bodies of
//    2, 20, 60 and 200 MB to sign-in, the report form, the import and an unrelated action.
// Measured: the serving process's resident memory (VmRSS, sampled every 50 ms) and how long
// /api/health takes right after each round.
import fs from "node:fs";
import crypto from "node:crypto";
import sharp from "sharp";

export type UploadsResult = {
  engine: string;
  date: string;
  commit: string;
  uploadConcurrency: number;
  photos: {
    rounds: number;
    requests: number;
    bytesPerRequestMB: number;
    statuses: Record<string, number>;
    secondsPerRound: number[];
    peakRssMB: number;
    rssAfterMB: number;
    healthMsMax: number;
  };
  attack: { requests: number; statuses: Record<string, number>; peakRssMB: number; healthMsMax: number };
  rssBeforeMB: number;
  notes: string[];
};

const MB = 1024 * 1024;

function rssMB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The serving process (runtime/serve.mjs) under npm start's process `root`. */
export function servingPid(root: number, descendants: (root: number) => number[]): number {
  for (const pid of descendants(root)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("runtime/serve.mjs")) return pid;
    } catch {
      /* gone */
    }
  }
  throw new Error("runtime/serve.mjs process not found");
}

/** Server action ids of the build (.next), by "file#export". */
export function actionIds(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id]));
}

/** A noise JPEG just under the 10 MB bound (noise does not compress). */
async function bigJpeg(): Promise<Buffer> {
  const side = 2700;
  const raw = crypto.randomBytes(side * side * 3);
  return sharp(raw, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
}

const BOUNDARY = "----bench-uploads";
function reportForm(code: string, month: string, jpeg: Buffer): Uint8Array {
  const field = (name: string, value: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const parts: Uint8Array[] = [
    field("_1_projectCode", code),
    field("_1_month", month),
    field("_1_version", "0"),
    field("_1_monthInvestment", "1"),
    // deliberately not last month's cumulative + 1: the save stops at its figures' check, after the photos
    field("_1_cumulativeInvestment", "1"),
    field("_1_progressText", "基准测试：照片上传"),
    field("_1_intent", "save"),
  ];
  for (let i = 0; i < 6; i++) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_photos"; filename="site-${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      jpeg,
      Buffer.from("\r\n"),
    );
  }
  parts.push(field("0", '[{"ok":false},"$K1"]'), Buffer.from(`--${BOUNDARY}--\r\n`));
  return new Uint8Array(Buffer.concat(parts));
}

function longField(size: number): ReadableStream<Uint8Array> {
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_progressText"\r\n\r\n`);
  const filler = Buffer.alloc(256 * 1024, 0x61);
  let left = size - head.length;
  let started = false;
  return new ReadableStream({
    pull(c) {
      if (!started) {
        started = true;
        return c.enqueue(head);
      }
      if (left <= 0) return c.close();
      const n = Math.min(left, filler.length);
      left -= n;
      c.enqueue(filler.subarray(0, n));
    },
  });
}

async function health(base: string): Promise<number> {
  const t = Date.now();
  const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`/api/health ${res.status}`);
  return Date.now() - t;
}

export async function measureUploads(opts: { port: number; cookie: string; pid: number; engine: string; commit: string }): Promise<UploadsResult> {
  const base = `http://127.0.0.1:${opts.port}`;
  const ids = actionIds();
  const count = (statuses: Record<string, number>, s: number | string) => (statuses[String(s)] = (statuses[String(s)] ?? 0) + 1);
  // the county's first project of the open month
  const list = await (await fetch(`${base}/monthly-report`, { headers: { cookie: opts.cookie } })).text();
  const m = /href="\/report\/([A-Z0-9-]+)\?month=(\d{4}-\d{2})"/.exec(list);
  if (!m) throw new Error("no project on the county's report list");
  const [, code, month] = m;
  const jpeg = await bigJpeg();
  const form = reportForm(code, month, jpeg);

  let peak = 0;
  const sample = () => (peak = Math.max(peak, rssMB(opts.pid)));
  const rssBeforeMB = rssMB(opts.pid);
  let timer = setInterval(sample, 50);
  const photoStatuses: Record<string, number> = {};
  const secondsPerRound: number[] = [];
  let photoHealth = 0;
  const rounds = 3;
  for (let round = 0; round < rounds; round++) {
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const res = await fetch(`${base}/monthly-report/${code}`, {
          method: "POST",
          body: form as Uint8Array<ArrayBuffer>,
          headers: {
            "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
            "next-action": ids["src/server/monthly-reports/actions.ts#saveReportAction"],
            cookie: opts.cookie,
            origin: base,
            accept: "text/x-component",
          },
        }).catch(() => null);
        const text = res ? await res.text() : "";
        count(photoStatuses, res === null ? "connection error" : res.status === 200 && text.includes('"fieldErrors"') ? "200 (photos processed, figures refused)" : res.status);
      }),
    );
    secondsPerRound.push(Math.round((Date.now() - t0) / 100) / 10);
    photoHealth = Math.max(photoHealth, await health(base));
  }
  clearInterval(timer);
  const photosPeak = Math.round(peak);
  const rssAfter = Math.round(rssMB(opts.pid));

  peak = 0;
  timer = setInterval(sample, 50);
  const attackStatuses: Record<string, number> = {};
  let attackHealth = 0;
  let requests = 0;
  const targets: Array<[string, string]> = [
    ["src/server/auth/actions.ts#loginAction", "/login"],
    ["src/server/monthly-reports/actions.ts#saveReportAction", `/monthly-report/${code}`],
    ["src/server/excel/actions.ts#uploadImportAction", "/imports"],
    ["src/server/issues/actions.ts#createIssueAction", "/issues/new"],
  ];
  const send = async (action: string, p: string, size: number, cookie: string | null) => {
    requests++;
    const headers: Record<string, string> = {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      "content-length": String(size),
      "next-action": ids[action],
      origin: base,
    };
    if (cookie) headers.cookie = cookie;
    const res = await fetch(base + p, { method: "POST", body: longField(size), duplex: "half", headers } as RequestInit).catch(() => null);
    if (res) await res.text();
    count(attackStatuses, res === null ? "connection error" : res.status);
  };
  for (const [action, p] of targets) {
    for (const cookie of [null, opts.cookie]) {
      for (const size of [2, 20, 60, 200].map((n) => n * MB)) {
        await send(action, p, size, cookie);
        await Promise.all(Array.from({ length: 8 }, () => send(action, p, size, cookie)));
        attackHealth = Math.max(attackHealth, await health(base));
      }
    }
  }
  clearInterval(timer);
  return {
    engine: opts.engine,
    date: new Date().toISOString(),
    commit: opts.commit,
    uploadConcurrency: Number(process.env.UPLOAD_CONCURRENCY || 2),
    rssBeforeMB: Math.round(rssBeforeMB),
    photos: {
      rounds,
      requests: rounds * 8,
      bytesPerRequestMB: Math.round((form.length / MB) * 10) / 10,
      statuses: photoStatuses,
      secondsPerRound,
      peakRssMB: photosPeak,
      rssAfterMB: rssAfter,
      healthMsMax: photoHealth,
    },
    attack: { requests, statuses: attackStatuses, peakRssMB: Math.round(peak), healthMsMax: attackHealth },
    notes: [`project ${code}, month ${month}; JPEG ${(jpeg.length / MB).toFixed(2)} MB × 6 per request`],
  };
}

export function uploadsMarkdown(u: UploadsResult | undefined): string[] {
  if (!u) return [];
  const statuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
  return [
    "## Uploads and oversized requests (issue 15)",
    "",
    `\`npm run bench -- --uploads\` (bench/uploads.ts) on the ${u.engine === "pg" ? "PostgreSQL" : "embedded"} scale-1 dataset, ${u.date.slice(0, 16).replace("T", " ")} UTC, commit \`${u.commit}\`; UPLOAD_CONCURRENCY ${u.uploadConcurrency}. Resident memory of the serving process (VmRSS, sampled every 50 ms); target: under 500 MB, /api/health within 1 s after each round.`,
    "",
    "| scenario | requests | answers | peak resident MB | /api/health after, max ms |",
    "| --- | ---: | --- | ---: | ---: |",
    `| 8 county staff at once, report with 6 photos (${u.photos.bytesPerRequestMB} MB each request), ${u.photos.rounds} rounds (${u.photos.secondsPerRound.join(" / ")} s) | ${u.photos.requests} | ${statuses(u.photos.statuses)} | ${u.photos.peakRssMB} | ${u.photos.healthMsMax} |`,
    `| the attack: 2/20/60/200 MB × sign-in, report, import, other action × anonymous, signed in × 1 and 8 at once | ${u.attack.requests} | ${statuses(u.attack.statuses)} | ${u.attack.peakRssMB} | ${u.attack.healthMsMax} |`,
    "",
    `Resident memory before: ${u.rssBeforeMB} MB; after the photo rounds: ${u.photos.rssAfterMB} MB. ${u.notes.join("; ")}.`,
    "",
  ];
}
