import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting year: periods of nine months (besides month, quarter, half-year, year); a form
 * names the period types it serves (`period_types`, was one `period_type`); an indicator declares
 * how a longer period's figure comes from its months (`aggregation`); a report template names the
 * period type it reports. Existing rows keep their meaning: a form serves its one type, a figure
 * with a cumulative is a flow and any other is reported to date, a template reports its form's type.
 */
export class ReportingYear1764607000000 implements MigrationInterface {
  name = 'ReportingYear1764607000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "periods" DROP CONSTRAINT "CHK_7c6f23a6240da7c830fe8ac785"`);
    await queryRunner.query(`ALTER TABLE "periods" ADD CONSTRAINT "CHK_0a5f2c90f4ff2da8e04a7287de" CHECK ("type" IN ('month', 'quarter', 'half_year', 'nine_months', 'year'))`);
    await queryRunner.query(`ALTER TABLE "report_templates" ADD "period_type" text`);
    await queryRunner.query(`UPDATE "report_templates" rt SET "period_type" = f."period_type" FROM (SELECT DISTINCT ON ("code") "code", "period_type" FROM "form_templates" ORDER BY "code", "version" DESC) f WHERE f."code" = rt."form_code"`);
    await queryRunner.query(`ALTER TABLE "form_templates" ADD "period_types" text array`);
    await queryRunner.query(`UPDATE "form_templates" SET "period_types" = ARRAY["period_type"]`);
    await queryRunner.query(`ALTER TABLE "form_templates" ALTER COLUMN "period_types" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "form_templates" DROP COLUMN "period_type"`);
    await queryRunner.query(`ALTER TABLE "indicators" ADD "aggregation" text NOT NULL DEFAULT 'to_date'`);
    await queryRunner.query(`UPDATE "indicators" SET "aggregation" = 'flow' WHERE "has_cumulative"`);
    await queryRunner.query(`ALTER TABLE "indicators" ADD CONSTRAINT "CHK_80283f7460be9beda62cd2137d" CHECK ("aggregation" IN ('flow', 'stock', 'average', 'to_date', 'period'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicators" DROP CONSTRAINT "CHK_80283f7460be9beda62cd2137d"`);
    await queryRunner.query(`ALTER TABLE "indicators" DROP COLUMN "aggregation"`);
    await queryRunner.query(`ALTER TABLE "form_templates" ADD "period_type" text`);
    await queryRunner.query(`UPDATE "form_templates" SET "period_type" = "period_types"[1]`);
    await queryRunner.query(`ALTER TABLE "form_templates" ALTER COLUMN "period_type" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "form_templates" DROP COLUMN "period_types"`);
    await queryRunner.query(`ALTER TABLE "report_templates" DROP COLUMN "period_type"`);
    // periods of nine months cannot be kept under the old check
    await queryRunner.query(`ALTER TABLE "periods" DROP CONSTRAINT "CHK_0a5f2c90f4ff2da8e04a7287de"`);
    await queryRunner.query(`ALTER TABLE "periods" ADD CONSTRAINT "CHK_7c6f23a6240da7c830fe8ac785" CHECK ("type" IN ('month', 'quarter', 'half_year', 'year'))`);
  }
}
