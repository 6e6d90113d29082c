import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which units have ever had an approved figure of an indicator. The series route's reviewer view (every
 * unit of one indicator) looks its units up here and then reads their submissions by the primary key of
 * submission_values, instead of an index on submission_values (indicator_code), which halved the batched
 * save (see SeriesIndexOff). The table is kept by a trigger on the approval itself — a rare event, once
 * per submission and month — so the save path does not pay for it. It only ever grows: a unit that
 * reported a code once is looked at again (the series finds no figure where there is none).
 */
export class IndicatorReporters1764665000000 implements MigrationInterface {
  name = 'IndicatorReporters1764665000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "indicator_reporters" ("indicator_code" text NOT NULL, "unit_id" uuid NOT NULL REFERENCES "reporting_units"("id") ON DELETE CASCADE, CONSTRAINT "PK_indicator_reporters" PRIMARY KEY ("indicator_code", "unit_id"))`);
    await queryRunner.query(`
      CREATE FUNCTION note_indicator_reporters() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO indicator_reporters (indicator_code, unit_id)
          SELECT DISTINCT v.indicator_code, NEW.unit_id FROM submission_values v WHERE v.submission_id = NEW.id
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_submissions_note_reporters" AFTER UPDATE OF "state" ON "submissions" FOR EACH ROW WHEN (NEW."state" = 'approved' AND OLD."state" IS DISTINCT FROM 'approved') EXECUTE FUNCTION note_indicator_reporters()`);
    // the units that fill a code, in any version of a form (the same lookup, for units with no approval yet)
    await queryRunner.query(`CREATE INDEX "idx_indicators_code" ON "indicators" ("code")`);
    await queryRunner.query(`
      INSERT INTO indicator_reporters (indicator_code, unit_id)
        SELECT DISTINCT v.indicator_code, s.unit_id FROM submission_values v JOIN submissions s ON s.id = v.submission_id WHERE s.state = 'approved'
        ON CONFLICT DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_submissions_note_reporters" ON "submissions"`);
    await queryRunner.query(`DROP FUNCTION note_indicator_reporters()`);
    await queryRunner.query(`DROP INDEX "public"."idx_indicators_code"`);
    await queryRunner.query(`DROP TABLE "indicator_reporters"`);
  }
}
