import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite and pg are Node-only and load WebAssembly from their own package folders.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "exceljs"],
  poweredByHeader: false,
  // Bodies of server actions are bounded per action before Next.js reads them, by the request
  // gate (src/server/http/request-limits.ts: 1 MB, the report form with photos 61 MB, the import
  // 6 MB); this is Next.js's own, second bound, above the largest of those. Server actions skip the
  // proxy (src/proxy.ts), so its body buffer keeps its default.
  experimental: { serverActions: { bodySizeLimit: "64mb" } },
  typescript: { ignoreBuildErrors: false },
  // the 月报 and the 情况报告 had unqualified URLs (/report, /reports) until 2026-12; old bookmarks and
  // links in sent messages keep working (the query string is kept)
  async redirects() {
    return [
      { source: "/report", destination: "/monthly-report", permanent: true },
      { source: "/report/:path*", destination: "/monthly-report/:path*", permanent: true },
      { source: "/reports", destination: "/annual-report", permanent: true },
      { source: "/reports/:path*", destination: "/annual-report/:path*", permanent: true },
    ];
  },
  // fixed security headers on everything, static files included; the proxy adds the CSP
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
