import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A worker on a machine without LibreOffice still issues the DOCX; the PDF is a row with no data,
 * "awaiting_libreoffice", made by a worker started with LibreOffice.
 */
export class PdfAwaitingLibreoffice1764600000000 implements MigrationInterface {
  name = 'PdfAwaitingLibreoffice1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_files" ADD "state" text NOT NULL DEFAULT 'ready'`);
    await queryRunner.query(`ALTER TABLE "report_files" ALTER COLUMN "sha256" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "report_files" ALTER COLUMN "size" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "report_files" ALTER COLUMN "data" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "report_files" ADD CONSTRAINT "CHK_9c5dc2070fb905cfd9ec1b75f4" CHECK ("state" <> 'ready' OR ("data" IS NOT NULL AND "sha256" IS NOT NULL AND "size" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "report_files" ADD CONSTRAINT "CHK_f76739fe6045fe776f753b28a0" CHECK ("state" IN ('ready', 'awaiting_libreoffice'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_files" DROP CONSTRAINT "CHK_f76739fe6045fe776f753b28a0"`);
    await queryRunner.query(`ALTER TABLE "report_files" DROP CONSTRAINT "CHK_9c5dc2070fb905cfd9ec1b75f4"`);
    // the PDFs still waiting have no data to keep
    await queryRunner.query(`DELETE FROM "report_files" WHERE "state" <> 'ready'`);
    await queryRunner.query(`ALTER TABLE "report_files" ALTER COLUMN "data" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "report_files" ALTER COLUMN "size" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "report_files" ALTER COLUMN "sha256" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "report_files" DROP COLUMN "state"`);
  }
}
