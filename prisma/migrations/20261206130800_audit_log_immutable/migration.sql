-- The audit log cannot be changed by anyone through the app, nor by the app's own database role:
-- UPDATE and TRUNCATE of "AuditLog" are always refused, and DELETE of an entry younger than the
-- retention period. The retention lives here too ("AuditSettings", one row), never below 180 days.
-- Entries older than the retention are deleted only by the operator's command
-- (npm run audit:purge), which is itself audited; nothing deletes them automatically.

CREATE TABLE "AuditSettings" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "retentionDays" INTEGER NOT NULL DEFAULT 180,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSettings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AuditSettings_one_row" CHECK ("id" = 1),
    CONSTRAINT "AuditSettings_retention_floor" CHECK ("retentionDays" BETWEEN 180 AND 36500)
);
INSERT INTO "AuditSettings" ("id", "retentionDays") VALUES (1, 180);

-- The settings row stays: it can be changed (never below the floor) but not deleted.
CREATE FUNCTION "reject_audit_settings_removal"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the audit log settings row cannot be removed';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "AuditSettings_no_delete" BEFORE DELETE ON "AuditSettings"
  FOR EACH ROW EXECUTE FUNCTION "reject_audit_settings_removal"();
CREATE TRIGGER "AuditSettings_no_truncate" BEFORE TRUNCATE ON "AuditSettings"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_audit_settings_removal"();

-- The retention in days: the settings row, and never less than 180 whatever happens to it.
CREATE FUNCTION "audit_retention_days"() RETURNS integer AS $$
  SELECT GREATEST(180, COALESCE((SELECT "retentionDays" FROM "AuditSettings" WHERE "id" = 1), 180));
$$ LANGUAGE sql STABLE;

CREATE FUNCTION "reject_audit_change"() RETURNS trigger AS $$
DECLARE
  days integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    days := "audit_retention_days"();
    IF OLD."createdAt" >= now() - make_interval(days => days) THEN
      RAISE EXCEPTION 'audit log entries are kept for % days: entry % of % cannot be deleted', days, OLD."id", OLD."createdAt";
    END IF;
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit log cannot be changed (%)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_audit_change"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_audit_change"();
CREATE TRIGGER "AuditLog_retention" BEFORE DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "reject_audit_change"();

-- Deleting an account would have set its entries' "userId" to NULL (an UPDATE of the log):
-- an account with entries cannot be deleted (accounts are deactivated, never deleted).
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_userId_fkey";
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- An 审计员 account is never bound to a county park.
ALTER TABLE "User" ADD CONSTRAINT "User_auditor_no_park" CHECK ("role" <> 'AUDITOR' OR "parkId" IS NULL);
