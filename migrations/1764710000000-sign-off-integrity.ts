import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../libs/database/src/app-role';

/**
 * Issue 13, sign-off integrity and least privilege:
 * - every revision records the version of each source submission it was composed from; a send or
 *   sign that accepts missing units names them on its action;
 * - the SHA-256 of every signed or issued file is recorded once, by the database, when the file is
 *   stored (`report_file_hashes`), after checking it is the SHA-256 of the bytes; an issued file,
 *   an issued revision, the actions and the recorded hashes can be neither changed nor deleted;
 * - the audit log is a hash chain computed by the database (one insert at a time: an advisory lock);
 * - the application's role (`tonghop_app`): rows only, no DDL, no UPDATE/DELETE of what is above.
 * The chain and the role's grants are not described by the entities (the schema check ignores them).
 */
export class SignOffIntegrity1764710000000 implements MigrationInterface {
  name = 'SignOffIntegrity1764710000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "report_revisions" ADD "source_versions" jsonb`);
    await q.query(`ALTER TABLE "report_actions" ADD "missing_units_accepted" jsonb`);
    await q.query(`CREATE TABLE "report_file_hashes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "revision_id" uuid NOT NULL, "format" text NOT NULL, "rendered_as" text NOT NULL, "sha256" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9a709d86a962018fb976b6fa17b" UNIQUE ("revision_id", "format", "rendered_as"), CONSTRAINT "PK_8e1b6b0f2c3d4a5e6f708192a3b" PRIMARY KEY ("id"))`);
    await q.query(`ALTER TABLE "report_file_hashes" ADD CONSTRAINT "FK_4f64a834f545d8ba62d2a898b26" FOREIGN KEY ("revision_id") REFERENCES "report_revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "audit_log" ADD "chain_seq" bigint`);
    await q.query(`ALTER TABLE "audit_log" ADD "prev_hash" text`);
    await q.query(`ALTER TABLE "audit_log" ADD "hash" text`);
    await q.query(`ALTER TABLE "audit_log" ADD CONSTRAINT "UQ_9a4c2e1f3b5d7a9c0e2f4a6b8c1" UNIQUE ("chain_seq")`);

    // a generic refusal, for the tables nobody may change once written
    await q.query(`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await q.query(`CREATE TRIGGER report_actions_no_change BEFORE UPDATE OR DELETE ON "report_actions" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER report_actions_no_truncate BEFORE TRUNCATE ON "report_actions" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER report_file_hashes_no_change BEFORE UPDATE OR DELETE ON "report_file_hashes" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER report_file_hashes_no_truncate BEFORE TRUNCATE ON "report_file_hashes" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    // files: a ready file's sha256 is that of its bytes; a signed or issued file only moves forward
    await q.query(`CREATE FUNCTION report_files_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'ready' AND NEW.sha256 IS DISTINCT FROM encode(sha256(NEW.data), 'hex') THEN
          RAISE EXCEPTION 'report_files: sha256 is not the SHA-256 of the data' USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'INSERT' OR OLD.rendered_as = 'draft' THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'report_files: a % file is never deleted', OLD.rendered_as USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.state = 'awaiting_libreoffice' AND NEW.rendered_as = OLD.rendered_as THEN RETURN NEW; END IF;
        IF OLD.rendered_as = 'signed' AND NEW.rendered_as = 'issued' THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'report_files: a % file is never changed', OLD.rendered_as USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER report_files_guard BEFORE INSERT OR UPDATE OR DELETE ON "report_files" FOR EACH ROW EXECUTE FUNCTION report_files_guard()`);
    // the hash of a signed or issued file, recorded once by the database itself (the application may only read it)
    await q.query(`CREATE FUNCTION report_files_record_hash() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE recorded text;
      BEGIN
        IF NEW.state <> 'ready' OR NEW.rendered_as = 'draft' THEN RETURN NULL; END IF;
        INSERT INTO report_file_hashes (revision_id, format, rendered_as, sha256) VALUES (NEW.revision_id, NEW.format, NEW.rendered_as, NEW.sha256)
          ON CONFLICT (revision_id, format, rendered_as) DO NOTHING;
        SELECT sha256 INTO recorded FROM report_file_hashes WHERE revision_id = NEW.revision_id AND format = NEW.format AND rendered_as = NEW.rendered_as;
        IF recorded <> NEW.sha256 THEN
          RAISE EXCEPTION 'report_files: the % % of revision % was recorded with another SHA-256', NEW.rendered_as, NEW.format, NEW.revision_id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_files_record_hash AFTER INSERT OR UPDATE ON "report_files" FOR EACH ROW EXECUTE FUNCTION report_files_record_hash()`);

    // an issued revision is frozen: it may only become 'replaced' (by the issue of its correction), nothing else of it changes
    await q.query(`CREATE FUNCTION report_revisions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state NOT IN ('issued', 'replaced') THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END IF;
        IF TG_OP = 'UPDATE' AND OLD.state = 'issued' AND NEW.state = 'replaced' AND (to_jsonb(NEW) - 'state') = (to_jsonb(OLD) - 'state') THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'report_revisions: an issued revision is never changed (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER report_revisions_guard BEFORE UPDATE OR DELETE ON "report_revisions" FOR EACH ROW EXECUTE FUNCTION report_revisions_guard()`);

    // the audit chain: each row's hash covers the previous row's hash and its own content (audit.repository.ts verifies it)
    await q.query(`CREATE FUNCTION audit_log_payload(a audit_log) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT jsonb_build_array(a.chain_seq, a.submission_id, a.entity_type, a.entity_id, a.action, a.actor_id, a.before, a.after,
                               to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text $$`);
    await q.query(`CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last record;
      BEGIN
        -- one chained insert at a time, until the inserting transaction ends
        PERFORM pg_advisory_xact_lock(hashtext('tonghop:audit_log:chain'));
        SELECT chain_seq, hash INTO last FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        NEW.chain_seq := coalesce(last.chain_seq, 0) + 1;
        NEW.prev_hash := coalesce(last.hash, repeat('0', 64));
        NEW.hash := encode(sha256(convert_to(NEW.prev_hash || audit_log_payload(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END $$`);
    // the rows already there are chained in the order they were written (the append-only trigger is set aside for it)
    await q.query(`ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_no_update`);
    await q.query(`UPDATE "audit_log" a SET chain_seq = o.n FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "audit_log") o WHERE o.id = a.id`);
    await q.query(`DO $$ DECLARE r audit_log; prev text := repeat('0', 64); h text;
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY chain_seq LOOP
          h := encode(sha256(convert_to(prev || audit_log_payload(r), 'UTF8')), 'hex');
          UPDATE audit_log SET prev_hash = prev, hash = h WHERE id = r.id;
          prev := h;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_no_update`);
    await q.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);

    await grantAppRole(q);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`DROP TRIGGER audit_log_chain ON "audit_log"`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`DROP FUNCTION audit_log_payload(audit_log)`);
    await q.query(`DROP TRIGGER report_revisions_guard ON "report_revisions"`);
    await q.query(`DROP FUNCTION report_revisions_guard()`);
    await q.query(`DROP TRIGGER report_files_record_hash ON "report_files"`);
    await q.query(`DROP FUNCTION report_files_record_hash()`);
    await q.query(`DROP TRIGGER report_files_guard ON "report_files"`);
    await q.query(`DROP FUNCTION report_files_guard()`);
    await q.query(`DROP TRIGGER report_file_hashes_no_truncate ON "report_file_hashes"`);
    await q.query(`DROP TRIGGER report_file_hashes_no_change ON "report_file_hashes"`);
    await q.query(`DROP TRIGGER report_actions_no_truncate ON "report_actions"`);
    await q.query(`DROP TRIGGER report_actions_no_change ON "report_actions"`);
    await q.query(`DROP FUNCTION refuse_change()`);
    await q.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "UQ_9a4c2e1f3b5d7a9c0e2f4a6b8c1"`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "hash"`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "prev_hash"`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "chain_seq"`);
    await q.query(`DROP TABLE "report_file_hashes"`);
    await q.query(`ALTER TABLE "report_actions" DROP COLUMN "missing_units_accepted"`);
    await q.query(`ALTER TABLE "report_revisions" DROP COLUMN "source_versions"`);
  }
}

/**
 * The application role: created when missing (roles are cluster-wide: a parallel migration of another
 * database may create it first, which is fine), then granted rows only. Tables created by later
 * migrations (as the same owner) get the same rights by default; what must stay append-only is
 * revoked here, and by the migration that adds such a table.
 */
async function grantAppRole(q: QueryRunner): Promise<void> {
  await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
  await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
  await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
  await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
  await q.query(`REVOKE INSERT, UPDATE, DELETE ON "migrations" FROM ${APP_ROLE}`);
  await q.query(`REVOKE UPDATE, DELETE ON "audit_log", "report_actions" FROM ${APP_ROLE}`);
  await q.query(`REVOKE INSERT, UPDATE, DELETE ON "report_file_hashes" FROM ${APP_ROLE}`);
  // revisions are never deleted (an issued one is frozen by its trigger)
  await q.query(`REVOKE DELETE ON "report_revisions" FROM ${APP_ROLE}`);
}
