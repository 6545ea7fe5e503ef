// The Lighthouse figures as bench/results.json keeps them (key `lighthouse`, written by
// `npm run bench:lighthouse -- --record`) and as bench/RESULTS.md shows them (its section
// "Lighthouse (mobile)", rendered here for both bench/lighthouse.ts and bench/run.ts).

import fs from "node:fs";
import path from "node:path";

export type LighthouseRow = {
  label: string;
  role: string;
  path: string;
  performance: number;
  performanceRuns: number[];
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  benchmarkIndex: number;
  failedA11y: string[];
  opportunities: string[];
};

export type LighthouseResult = {
  lighthouse: string;
  at: string;
  commit: string;
  runs: number;
  loadStart: number[];
  loadEnd: number[];
  results: LighthouseRow[];
};

export const LIGHTHOUSE_HEADING = "## Lighthouse (mobile)";

/** How a page's path is shown: months and codes as placeholders. */
export function shownPath(p: string): string {
  return p.replace(/\d{4}-\d{2}/g, "<month>").replace(/\/(projects|monthly-report)\/[^/?]+/, "/$1/<code>");
}

export function lighthouseMarkdown(r: LighthouseResult | undefined): string[] {
  if (!r) return [];
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
  const lines = [
    LIGHTHOUSE_HEADING,
    "",
    `\`npm run bench:lighthouse\` (bench/lighthouse.ts, Lighthouse ${r.lighthouse}, its default mobile settings: simulated slow 4G and CPU ×4) against \`npm start\` with the demo data, each account signed in through /login. ` +
      `Measured ${r.at.slice(0, 16).replace("T", " ")} UTC on commit \`${r.commit}\`; ${r.runs} runs per page, medians; machine load average (1/5/15 min) ${load(r.loadStart)} at start, ${load(r.loadEnd)} at end. ` +
      "Budget (issue 18): performance ≥ 95, accessibility 100. BI is Lighthouse's benchmark index, how fast it found the CPU at that moment (median of the runs): the busier the machine, the lower it is and the longer the main-thread tasks Lighthouse multiplies by four, so TBT and LCP grow with the load.",
    "",
    "| page | account | path | performance (runs) | accessibility | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms | BI |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const x of r.results) {
    lines.push(
      `| ${x.label} | ${x.role} | \`${shownPath(x.path)}\` | ${x.performance} (${x.performanceRuns.join(", ")}) | ${x.accessibility} | ${x.fcp} | ${x.lcp} | ${x.tbt} | ${x.cls} | ${x.si} | ${x.benchmarkIndex} |`,
    );
  }
  const notes = r.results.flatMap((x) => [
    ...(x.failedA11y.length ? [`${x.label}: accessibility audits failed: ${x.failedA11y.join("; ")}.`] : []),
    ...(x.opportunities.length ? [`${x.label}: Lighthouse's opportunities: ${x.opportunities.join("; ")}.`] : []),
  ]);
  if (notes.length) lines.push("", ...notes.map((n) => `- ${n}`));
  lines.push("");
  return lines;
}

/** Keeps `record` in bench/results.json and replaces the Lighthouse section of bench/RESULTS.md. */
export function recordResults(record: LighthouseResult) {
  const jsonFile = path.resolve("bench", "results.json");
  const mdFile = path.resolve("bench", "RESULTS.md");
  const json = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Record<string, unknown>;
  json.lighthouse = record;
  fs.writeFileSync(jsonFile, JSON.stringify(json, null, 2) + "\n");
  const md = fs.readFileSync(mdFile, "utf8");
  const section = lighthouseMarkdown(record).join("\n");
  const at = md.indexOf(LIGHTHOUSE_HEADING);
  const next = at < 0 ? -1 : md.indexOf("\n## ", at + LIGHTHOUSE_HEADING.length);
  const updated = at < 0 ? `${md.trimEnd()}\n\n${section}` : `${md.slice(0, at)}${section}${next < 0 ? "" : md.slice(next + 1)}`;
  fs.writeFileSync(mdFile, updated.endsWith("\n") ? updated : `${updated}\n`);
  console.log("已写入 bench/results.json 与 bench/RESULTS.md");
}
