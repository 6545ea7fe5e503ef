// Every page and API route needs a valid session, checked against the database; only the
// login page, the health check and the site's icons (which the proxy skips) are public. Server
// actions and services still check permission themselves (src/server/auth/permissions.ts) —
// this is the first gate, not the only one.
// Also here: security headers on every response (src/server/http/security-headers.ts), 403 for
// cross-origin server actions, and 404 for dynamic pages whose id is malformed or unknown
// (src/server/http/route-guard.ts), decided before the page starts streaming.
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/server/db";
import { actorForToken, SESSION_COOKIE } from "@/server/auth/sessions";
import { landingPath } from "@/server/auth/permissions";
import { applySecurityHeaders, contentSecurityPolicy, isCrossOriginAction, newNonce } from "@/server/http/security-headers";
import { isMissing } from "@/server/http/route-guard";
import { safeRedirect } from "@/lib/safe-redirect";

const PUBLIC = ["/login", "/api/health"];
/** A path no route serves: rewriting to it renders the not-found page with HTTP 404. */
const NOT_FOUND_PATH = "/_not-found-page";

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = await route(request, requestHeaders);
  applySecurityHeaders(response.headers, csp);
  return response;
}

async function route(request: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });
  if (isCrossOriginAction(request)) return new NextResponse("跨站请求已被拒绝。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { pathname, search } = request.nextUrl;
  if (pathname === "/login" && request.method === "GET") {
    // already signed in: straight on to `next` (same-site only), before the page streams
    const signedIn = await actorForToken(db(), request.cookies.get(SESSION_COOKIE)?.value).catch(() => null);
    if (signedIn) return NextResponse.redirect(new URL(safeRedirect(request.nextUrl.searchParams.get("next")), request.url));
  }
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return next();
  let actor = null;
  try {
    actor = await actorForToken(db(), request.cookies.get(SESSION_COOKIE)?.value);
  } catch {
    // database unreachable: let the page render its own error state
    return next();
  }
  if (actor) {
    if (request.method === "GET" || request.method === "HEAD") {
      // / is each account's landing page: county staff and admins their to-do, leaders the overview
      if (pathname === "/" && landingPath(actor) !== "/") return NextResponse.redirect(new URL(landingPath(actor), request.url));
      let missing = false;
      try {
        missing = await isMissing(db(), pathname);
      } catch {
        return next(); // the page shows its own error state
      }
      if (missing) return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders }, status: 404 });
    }
    return next();
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "请先登录。" }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // the site's icons (src/app/favicon.ico, src/app/icon.svg) are served to everyone, as the login page shows them
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
