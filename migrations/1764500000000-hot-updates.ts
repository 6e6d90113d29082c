import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A figure is saved many times while its form is a draft, and every save rewrites the row. With room
 * left on each page the new version stays on the same page (a HOT update: no index entry), and the
 * page is pruned of dead versions long before it fills, so finding a figure's current version does
 * not walk a long chain of old ones. Same for the submission row, whose version every save bumps.
 */
export class HotUpdates1764500000000 implements MigrationInterface {
  name = 'HotUpdates1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submission_values" SET (fillfactor = 50)`);
    await queryRunner.query(`ALTER TABLE "submissions" SET (fillfactor = 50)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submissions" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "submission_values" RESET (fillfactor)`);
  }
}
