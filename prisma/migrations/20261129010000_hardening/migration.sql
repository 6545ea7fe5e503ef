-- Hardening: an administrator can unlock an account; unlocked failures stop counting.
ALTER TABLE "LoginAttempt" ADD COLUMN "clearedAt" TIMESTAMPTZ(3);
CREATE INDEX "LoginAttempt_username_ip_createdAt_idx" ON "LoginAttempt"("username", "ip", "createdAt");
