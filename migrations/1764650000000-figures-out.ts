import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Figures that leave the system: an index for one indicator's series across units and months (the
 * primary key of submission_values leads with the submission); report files may be the annex of a
 * report's figures (JSON, CSV) beside its DOCX and PDF; the versions of a period's exchange document.
 */
export class FiguresOut1764650000000 implements MigrationInterface {
  name = 'FiguresOut1764650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_submission_values_indicator" ON "submission_values" ("indicator_code", "submission_id")`);
    await queryRunner.query(`ALTER TABLE "report_files" DROP CONSTRAINT "CHK_29bbd0d92c104aec8495d531a8"`);
    await queryRunner.query(`ALTER TABLE "report_files" ADD CONSTRAINT "CHK_546d33d235acdb63c0827b5f3b" CHECK ("format" IN ('docx', 'pdf', 'json', 'csv'))`);
    await queryRunner.query(`CREATE TABLE "exchange_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period_id" uuid NOT NULL, "version" integer NOT NULL, "figures_sha256" text NOT NULL, "sha256" text NOT NULL, "body" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_838dc9f23ad29319c3d62bd7340" UNIQUE ("period_id", "version"), CONSTRAINT "PK_62c680ac630fcf229552a4d146a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "exchange_exports" ADD CONSTRAINT "FK_0a7ddd350e2c07e6f7405e5ae72" FOREIGN KEY ("period_id") REFERENCES "periods"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exchange_exports" DROP CONSTRAINT "FK_0a7ddd350e2c07e6f7405e5ae72"`);
    await queryRunner.query(`DROP TABLE "exchange_exports"`);
    // an annex file would break the old check: they go with it
    await queryRunner.query(`DELETE FROM "report_files" WHERE "format" NOT IN ('docx', 'pdf')`);
    await queryRunner.query(`ALTER TABLE "report_files" DROP CONSTRAINT "CHK_546d33d235acdb63c0827b5f3b"`);
    await queryRunner.query(`ALTER TABLE "report_files" ADD CONSTRAINT "CHK_29bbd0d92c104aec8495d531a8" CHECK ("format" IN ('docx', 'pdf'))`);
    await queryRunner.query(`DROP INDEX "public"."idx_submission_values_indicator"`);
  }
}
