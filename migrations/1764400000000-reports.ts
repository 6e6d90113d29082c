import { MigrationInterface, QueryRunner } from 'typeorm';

/** Consolidated reports: versioned templates, reports, immutable revisions, sign-off actions, rendered files, document numbers. */
export class Reports1764400000000 implements MigrationInterface {
  name = 'Reports1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "version" integer NOT NULL, "form_code" text NOT NULL, "body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_eeaa9089b98117f8045910b2f41" UNIQUE ("code", "version"), CONSTRAINT "PK_f85e16e6beea41a2b3a3350b84e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period_id" uuid NOT NULL, "template_id" uuid NOT NULL, "state" text NOT NULL DEFAULT 'drafting', "version" integer NOT NULL DEFAULT '1', "corrects_report_id" uuid, "sent_revision" integer, "document_number" text, "document_date" date, "signed_by" uuid, "signed_at" TIMESTAMP WITH TIME ZONE, "superseded_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_f711d2b15d2c75327749f4e58a" CHECK ("state" IN ('drafting', 'awaiting_signature', 'signed', 'superseded')), CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reports_current_per_period" ON "reports" ("period_id") WHERE "state" <> 'superseded'`);
    await queryRunner.query(`CREATE TABLE "report_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "number" integer NOT NULL, "state" text NOT NULL DEFAULT 'draft', "trigger" text NOT NULL, "content" jsonb NOT NULL, "figures" jsonb NOT NULL, "missing_units" jsonb NOT NULL DEFAULT '[]', "edited_section" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4b736a0eb61eb521018f43635d8" UNIQUE ("report_id", "trigger"), CONSTRAINT "UQ_d6502619943d7bb04fe5e1bf39a" UNIQUE ("report_id", "number"), CONSTRAINT "CHK_66144a6363592a5d655974b6e7" CHECK ("state" IN ('draft', 'sent', 'returned', 'signed', 'superseded')), CONSTRAINT "PK_c98e9634bfa2d0bbae627cfa957" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "report_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "revision_number" integer NOT NULL, "action" text NOT NULL, "actor_id" uuid, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_58b387c5782e148f611796406d" CHECK ("action" IN ('send', 'return', 'sign', 'supersede')), CONSTRAINT "PK_8abfe245077f2ee03d573258d9e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_08d4969e54ccb378a60696541d" ON "report_actions" ("report_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "report_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "revision_id" uuid NOT NULL, "format" text NOT NULL, "rendered_as" text NOT NULL, "sha256" text NOT NULL, "size" integer NOT NULL, "data" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_dd64dbb12ce3fb381a41baeb69b" UNIQUE ("revision_id", "format"), CONSTRAINT "CHK_29bbd0d92c104aec8495d531a8" CHECK ("format" IN ('docx', 'pdf')), CONSTRAINT "PK_d1284a8b0509229ef08ce8c4105" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "document_numbers" ("year" integer NOT NULL, "suffix" text NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_b18f6a2b696c78c2114febf92f8" PRIMARY KEY ("year", "suffix"))`);
    await queryRunner.query(`ALTER TABLE "reports" ADD CONSTRAINT "FK_74a4d44cc1ea7d9e43dd6aae7ca" FOREIGN KEY ("period_id") REFERENCES "periods"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reports" ADD CONSTRAINT "FK_6f8e618c3d55635fdbbc6cbe01c" FOREIGN KEY ("template_id") REFERENCES "report_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report_revisions" ADD CONSTRAINT "FK_021faa02796330a88380847fa84" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report_actions" ADD CONSTRAINT "FK_91d53f41e8c6d81bae19ecc4779" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report_files" ADD CONSTRAINT "FK_987d2d18468678caabde106a694" FOREIGN KEY ("revision_id") REFERENCES "report_revisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_files" DROP CONSTRAINT "FK_987d2d18468678caabde106a694"`);
    await queryRunner.query(`ALTER TABLE "report_actions" DROP CONSTRAINT "FK_91d53f41e8c6d81bae19ecc4779"`);
    await queryRunner.query(`ALTER TABLE "report_revisions" DROP CONSTRAINT "FK_021faa02796330a88380847fa84"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "FK_6f8e618c3d55635fdbbc6cbe01c"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "FK_74a4d44cc1ea7d9e43dd6aae7ca"`);
    await queryRunner.query(`DROP TABLE "document_numbers"`);
    await queryRunner.query(`DROP TABLE "report_files"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_08d4969e54ccb378a60696541d"`);
    await queryRunner.query(`DROP TABLE "report_actions"`);
    await queryRunner.query(`DROP TABLE "report_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reports_current_per_period"`);
    await queryRunner.query(`DROP TABLE "reports"`);
    await queryRunner.query(`DROP TABLE "report_templates"`);
  }
}
