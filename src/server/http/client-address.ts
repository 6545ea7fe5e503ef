// The client's network address, for login throttling and the audit log.
//
// Forwarded headers are written by whoever sends the request, so they are read only when the
// operator says a reverse proxy stands in front (TRUST_PROXY = the number of proxies, e.g. 1),
// and then only the hop those proxies appended. Otherwise the address is the TCP peer, which the
// app's own server (runtime/serve.mjs) puts in PEER_HEADER after removing any copy a client sent.
import { cleanStoredText } from "@/lib/schemas/text";

export const PEER_HEADER = "x-ppt-peer-address";
const MAX_ADDRESS = 64;

/** TRUST_PROXY: unset/"false"/"0" → 0 (no proxy); "true" → 1; a number n → n hops. */
export function trustedHops(value: string | undefined): number {
  if (!value || value === "false") return 0;
  if (value === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

function normalise(address: string | null | undefined): string | null {
  if (!address) return null;
  let a = address.trim();
  if (a.startsWith("[") && a.includes("]"))
    a = a.slice(1, a.indexOf("]")); // [v6]:port
  else if (/^[0-9.]+:[0-9]+$/.test(a)) a = a.slice(0, a.indexOf(":")); // v4:port
  if (a.startsWith("::ffff:") && /^[0-9.]+$/.test(a.slice(7))) a = a.slice(7);
  if (!/^[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]{1,15})?$/.test(a)) return null;
  return cleanStoredText(a, MAX_ADDRESS);
}

/**
 * The client's address from the request headers. With `hops` trusted proxies, the chain is the
 * X-Forwarded-For entries followed by the TCP peer; the client is the entry `hops` places from
 * the right (each trusted proxy appended the address it saw). Entries a client made up further
 * left are never used.
 */
export function resolveClientAddress(headers: { get(name: string): string | null }, hops: number): string | null {
  const peer = normalise(headers.get(PEER_HEADER));
  if (hops <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .slice(0, 2000)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, ...(peer ? [peer] : [])];
  const index = chain.length - 1 - hops;
  if (index < 0) return normalise(chain[0]);
  return normalise(chain[index]);
}
