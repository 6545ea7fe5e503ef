// Where to go after signing in: only a path on this site. The target is parsed with the URL API
// against a fixed origin (as a browser would resolve it), never judged by string prefix, so
// backslashes, tabs, encoded slashes and scheme tricks that leave the site are all refused.

const ORIGIN = "http://app.invalid";
// C0 controls, DEL, C1 controls: a browser strips or rewrites them before it resolves a URL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_LENGTH = 2000;

/** The same-origin path (with query and fragment) `next` points to, or "/" when it would leave the site. */
export function safeRedirect(next: unknown): string {
  if (typeof next !== "string" || next.length > MAX_LENGTH) return "/";
  if (!next.startsWith("/") || CONTROL.test(next) || next.includes("\\")) return "/";
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== ORIGIN) return "/";
  const target = url.pathname + url.search + url.hash;
  // A path whose own decoding would start with // or /\ is refused too: a later decode (a proxy,
  // a framework) must not turn it into a protocol-relative address.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return "/";
  }
  if (/^[/\\][/\\]/.test(decoded) || decoded.includes("\\") || CONTROL.test(decoded)) return "/";
  return target;
}
