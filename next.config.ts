import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite and pg are Node-only and load WebAssembly from their own package folders.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "exceljs"],
  poweredByHeader: false,
  // Bodies of server actions: 形象进度 photos travel with the report form (up to 6 files of at
  // most 10 MB each; src/server/photos/process.ts checks each file, the form checks before
  // sending), and the Excel import's upload (src/server/excel refuses a file above 5 MB with its
  // own message). The proxy buffers request bodies, so its limit is raised to the same size.
  experimental: { serverActions: { bodySizeLimit: "64mb" }, proxyClientMaxBodySize: "64mb" },
  typescript: { ignoreBuildErrors: false },
  // fixed security headers on everything, static files included; the proxy adds the CSP
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
