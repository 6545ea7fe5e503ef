// The V8 heap bound of the app server process (runtime/start.ts passes these flags to node).
/**
 * V8 heap flags for the app server. Node sizes its heap from the machine's memory (gigabytes
 * here) and collects lazily, so a server that needs ~150 MB grows past 350 MB resident; a bound
 * makes it collect sooner (bench/RESULTS.md: peak 226 MB instead of 412 MB at 5,000 projects).
 * APP_MAX_HEAP_MB=0 leaves Node's defaults.
 */
export function heapFlags(env: Record<string, string | undefined> = process.env): string[] {
  const raw = env.APP_MAX_HEAP_MB ?? "256";
  if (!/^[0-9]{1,6}$/.test(raw)) throw new Error(`APP_MAX_HEAP_MB 须为整数（兆字节），收到「${raw}」`);
  const mb = Number(raw);
  if (mb === 0) return [];
  if (mb < 128) throw new Error(`APP_MAX_HEAP_MB 不能小于 128（收到 ${mb}）`);
  return [`--max-old-space-size=${mb}`, "--max-semi-space-size=4"];
}
