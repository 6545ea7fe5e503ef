import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite and pg are Node-only and load WebAssembly from their own package folders.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "exceljs"],
  // the Excel import uploads a file through a server action: up to 5 MB is read (and refused
  // with a message above that by src/server/excel); Next.js cuts the body at 6 MB while reading
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
  // fixed security headers on everything, static files included; the proxy adds the CSP
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
