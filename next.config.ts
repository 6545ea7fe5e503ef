import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and pg are Node-only and load WebAssembly from their own package folders.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
