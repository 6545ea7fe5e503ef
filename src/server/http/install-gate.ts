// Puts the request gate where the app's HTTP server (runtime/serve.mjs) finds it: a global under
// a registered symbol, set once per server process by src/instrumentation.ts. The gate checks
// sessions with the app's own rule and database pool.
import { db } from "@/server/db";
import { actorForToken, requestIsHttps, sessionToken } from "@/server/auth/sessions";
import { actionManifestReader } from "./action-manifest";
import { createRequestGate } from "./request-gate";
import { uploadSettings } from "./request-limits";
import { uploadSlots } from "./upload-slots";

export const GATE_KEY = Symbol.for("ppt.requestGate");

/** The cookies of a Cookie header, as the session rule reads them. */
export function cookieReader(cookieHeader: string | undefined) {
  const jar = new Map<string, string>();
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) {
      const name = part.slice(0, at).trim();
      if (!jar.has(name)) jar.set(name, part.slice(at + 1).trim());
    }
  }
  return { get: (name: string) => (jar.has(name) ? { value: jar.get(name)! } : undefined) };
}

export function installRequestGate() {
  const g = globalThis as Record<symbol, unknown>;
  if (g[GATE_KEY]) return;
  g[GATE_KEY] = createRequestGate({
    actionName: actionManifestReader(),
    sessionValid: async (headers) => {
      const token = sessionToken(cookieReader(headers.get("cookie") ?? undefined), { https: requestIsHttps(headers) });
      return (await actorForToken(db(), token)) !== null;
    },
    slots: uploadSlots(uploadSettings()),
  });
}
