-- The demo's date (演示日期): one row (id 1), written by the demo seed (seed-data/demo/projects.json
-- "demoDate") and only there. The app's business "today" follows it when the operator has not set
-- APP_TODAY (runtime/start.ts), so every app server sharing the database tells the same story.
CREATE TABLE "DemoSettings" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "demoDate" DATE NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DemoSettings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DemoSettings_one_row" CHECK ("id" = 1)
);
