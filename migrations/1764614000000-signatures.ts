import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, a legally valid issued report: the records office (role `clerk`); a signed report is
 * issued (number, date, the body's signature; who and when; the SHA-256 of the issued PDF on the
 * `issue` action) and an issued one is replaced by its correction once that is issued; the PDF's
 * layout for the records office's stamps; an e-mail can carry the issued PDF.
 */
export class Signatures1764614000000 implements MigrationInterface {
  name = 'Signatures1764614000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_reports_current_per_period"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_847541fcfa41ddbc6aa0bc4ab5"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "CHK_f711d2b15d2c75327749f4e58a"`);
    await queryRunner.query(`ALTER TABLE "report_revisions" DROP CONSTRAINT "CHK_66144a6363592a5d655974b6e7"`);
    await queryRunner.query(`ALTER TABLE "report_actions" DROP CONSTRAINT "CHK_58b387c5782e148f611796406d"`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "attachment_file_id" uuid`);
    await queryRunner.query(`ALTER TABLE "reports" ADD "issued_by" uuid`);
    await queryRunner.query(`ALTER TABLE "reports" ADD "issued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "reports" ADD "correction_reason" text`);
    await queryRunner.query(`ALTER TABLE "reports" ADD "replaced_by_report_id" uuid`);
    await queryRunner.query(`ALTER TABLE "report_actions" ADD "sha256" text`);
    await queryRunner.query(`ALTER TABLE "report_files" ADD "layout" jsonb`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reports_issued_per_period" ON "reports" ("period_id") WHERE "state" = 'issued'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reports_in_progress_per_period" ON "reports" ("period_id") WHERE "state" IN ('drafting', 'awaiting_signature', 'signed')`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_a997ca462ba8dd777ab641fe5a" CHECK ("role" IN ('officer', 'reviewer', 'signer', 'clerk', 'admin'))`);
    await queryRunner.query(`ALTER TABLE "reports" ADD CONSTRAINT "CHK_68e74c2e133f6853ecb8d8a9f3" CHECK ("state" IN ('drafting', 'awaiting_signature', 'signed', 'issued', 'superseded', 'replaced'))`);
    await queryRunner.query(`ALTER TABLE "report_revisions" ADD CONSTRAINT "CHK_bbd09499a66332c80c04d3b742" CHECK ("state" IN ('draft', 'sent', 'returned', 'signed', 'issued', 'superseded', 'replaced'))`);
    await queryRunner.query(`ALTER TABLE "report_actions" ADD CONSTRAINT "CHK_31f34c9defe6afe42312a231ac" CHECK ("action" IN ('send', 'return', 'sign', 'issue', 'correct', 'supersede', 'replace'))`);
    await queryRunner.query(`ALTER TABLE "report_files" ADD CONSTRAINT "CHK_941c4d452318cdb33935de345f" CHECK ("rendered_as" IN ('draft', 'signed', 'issued'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_files" DROP CONSTRAINT "CHK_941c4d452318cdb33935de345f"`);
    await queryRunner.query(`ALTER TABLE "report_actions" DROP CONSTRAINT "CHK_31f34c9defe6afe42312a231ac"`);
    await queryRunner.query(`ALTER TABLE "report_revisions" DROP CONSTRAINT "CHK_bbd09499a66332c80c04d3b742"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "CHK_68e74c2e133f6853ecb8d8a9f3"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_a997ca462ba8dd777ab641fe5a"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reports_in_progress_per_period"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reports_issued_per_period"`);
    // what the earlier schema cannot say is said as closely as it can: issued was its "signed", replaced its "superseded"
    await queryRunner.query(`DELETE FROM "report_actions" WHERE "action" IN ('issue', 'correct', 'replace')`);
    await queryRunner.query(`UPDATE "report_revisions" SET "state" = CASE "state" WHEN 'issued' THEN 'signed' ELSE 'superseded' END WHERE "state" IN ('issued', 'replaced')`);
    await queryRunner.query(`UPDATE "reports" SET "state" = CASE "state" WHEN 'issued' THEN 'signed' ELSE 'superseded' END WHERE "state" IN ('issued', 'replaced')`);
    await queryRunner.query(`UPDATE "report_files" SET "rendered_as" = 'issued' WHERE "rendered_as" = 'signed'`);
    await queryRunner.query(`UPDATE "users" SET "role" = 'reviewer', "active" = false WHERE "role" = 'clerk'`);
    await queryRunner.query(`ALTER TABLE "report_files" DROP COLUMN "layout"`);
    await queryRunner.query(`ALTER TABLE "report_actions" DROP COLUMN "sha256"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP COLUMN "replaced_by_report_id"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP COLUMN "correction_reason"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP COLUMN "issued_at"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP COLUMN "issued_by"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "attachment_file_id"`);
    await queryRunner.query(`ALTER TABLE "report_actions" ADD CONSTRAINT "CHK_58b387c5782e148f611796406d" CHECK ("action" IN ('send', 'return', 'sign', 'supersede'))`);
    await queryRunner.query(`ALTER TABLE "report_revisions" ADD CONSTRAINT "CHK_66144a6363592a5d655974b6e7" CHECK ("state" IN ('draft', 'sent', 'returned', 'signed', 'superseded'))`);
    await queryRunner.query(`ALTER TABLE "reports" ADD CONSTRAINT "CHK_f711d2b15d2c75327749f4e58a" CHECK ("state" IN ('drafting', 'awaiting_signature', 'signed', 'superseded'))`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_847541fcfa41ddbc6aa0bc4ab5" CHECK ("role" IN ('officer', 'reviewer', 'signer', 'admin'))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reports_current_per_period" ON "reports" ("period_id") WHERE "state" <> 'superseded'`);
  }
}
