-- Accounts as a security review expects: a password chosen by an administrator (or by
-- `npm run user:create`) must be changed at the next sign-in; the session keeps the address it
-- was started from (shown to the user with their sessions).
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "passwordChangedAt" TIMESTAMPTZ(3);
ALTER TABLE "Session" ADD COLUMN "ip" VARCHAR(64);
