import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The series index on submission_values (indicator_code, submission_id) halved the throughput of the
 * batched save, the hottest path of the deadline day (bench:save-values: ratio 0.43 with it, 0.82–0.9
 * without, measured side by side the same day). The series route does without it until it is served
 * in a way that costs the save nothing.
 */
export class SeriesIndexOff1764660000000 implements MigrationInterface {
  name = 'SeriesIndexOff1764660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_submission_values_indicator"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_submission_values_indicator" ON "submission_values" ("indicator_code", "submission_id")`);
  }
}
