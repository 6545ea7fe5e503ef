// Which server action a request names. A server action is posted with its id in the Next-Action
// header; the build's server-reference manifest (.next/server/server-reference-manifest.json, or
// .next/dev/… under `npm run dev`) maps each id to its file and exported name, which is how
// request-limits.ts names actions. Read once; read again (at most once a second) when an id is
// unknown, as happens while the development server compiles.
import fs from "node:fs";
import path from "node:path";

type Manifest = { node?: Record<string, { filename?: string; exportedName?: string }> };

export function actionNamesFromManifest(manifest: Manifest): Map<string, string> {
  const names = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (entry.filename && entry.exportedName) names.set(id, `${entry.filename}#${entry.exportedName}`);
  }
  return names;
}

export function actionManifestReader(dir = process.cwd()) {
  const candidates = [path.join(dir, ".next", "server", "server-reference-manifest.json"), path.join(dir, ".next", "dev", "server", "server-reference-manifest.json")];
  let names = new Map<string, string>();
  let readAt = 0;
  const read = () => {
    readAt = Date.now();
    for (const file of candidates) {
      try {
        names = actionNamesFromManifest(JSON.parse(fs.readFileSync(file, "utf8")) as Manifest);
        return;
      } catch {
        // not built in this mode: try the next
      }
    }
  };
  /** "<file>#<export>" of the action with this id, or null for an id no build knows. */
  return (id: string): string | null => {
    if (!names.has(id) && Date.now() - readAt > 1000) read();
    return names.get(id) ?? null;
  };
}
