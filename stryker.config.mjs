// Mutation testing of the pure rules, src/domain and the helpers of src/lib (npm run test:mutation;
// not part of npm test).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts" },
  mutate: ["src/domain/**/*.ts", "src/lib/*.ts", "src/lib/schemas/text.ts", "src/server/auth/permissions.ts", "!src/lib/labels.ts"],
  coverageAnalysis: "perTest",
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  thresholds: { high: 95, low: 90, break: 95 },
  concurrency: 2,
  // vitest strips types without checking them; Stryker's "// @ts-nocheck" header would break the
  // unit test that checks a server actions file starts with "use server"
  disableTypeChecks: false,
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
