-- 审计员 (AUDITOR): reads the audit log and nothing else (src/server/auth/permissions.ts).
-- Alone in its migration: a value added by ALTER TYPE … ADD VALUE cannot be used in the same
-- transaction (PostgreSQL 12+; older servers refuse it inside a transaction block at all), and
-- the next migration uses it in a CHECK.
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'AUDITOR';
