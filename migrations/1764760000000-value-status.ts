import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Estimates and official figures: a value's status (ước / sơ bộ / chính thức), the later versions of
 * an approved figure (figure_revisions: submitted by the unit, approved by the office, at most one
 * pending per figure), and a report flagged stale when figures it printed changed after it left drafting.
 */
export class ValueStatus1764760000000 implements MigrationInterface {
  name = 'ValueStatus1764760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "figure_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "indicator_code" text NOT NULL, "numeric_value" numeric(24,6), "cumulative_entered" numeric(24,6), "status" text NOT NULL, "previous_value" numeric(24,6), "previous_status" text, "reason" text NOT NULL, "state" text NOT NULL DEFAULT 'submitted', "submitted_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "return_reason" text, CONSTRAINT "CHK_ebb632aba84a072a3cf6f39f16" CHECK ("status" IN ('estimate', 'preliminary', 'official')), CONSTRAINT "CHK_0f243a4369a0387c1579df160c" CHECK ("state" IN ('submitted', 'approved', 'returned')), CONSTRAINT "PK_f2ea45fd3222bf25e741896d5f2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_figure_revisions_pending" ON "figure_revisions" ("submission_id", "indicator_code") WHERE "state" = 'submitted'`);
    await queryRunner.query(`CREATE INDEX "IDX_70f33a76aed046afec4422fee0" ON "figure_revisions" ("submission_id", "indicator_code") `);
    await queryRunner.query(`ALTER TABLE "submission_values" ADD "status" text`);
    await queryRunner.query(`ALTER TABLE "reports" ADD "stale_reason" text`);
    await queryRunner.query(`ALTER TABLE "reports" ADD "stale_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "submission_values" ADD CONSTRAINT "CHK_dfea04313b967fcbcf395dc8fa" CHECK ("status" IN ('estimate', 'preliminary', 'official'))`);
    await queryRunner.query(`ALTER TABLE "figure_revisions" ADD CONSTRAINT "FK_c14a12630c6cdc9c749dc498eb3" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "figure_revisions" DROP CONSTRAINT "FK_c14a12630c6cdc9c749dc498eb3"`);
    await queryRunner.query(`ALTER TABLE "submission_values" DROP CONSTRAINT "CHK_dfea04313b967fcbcf395dc8fa"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP COLUMN "stale_since"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP COLUMN "stale_reason"`);
    await queryRunner.query(`ALTER TABLE "submission_values" DROP COLUMN "status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_70f33a76aed046afec4422fee0"`);
    await queryRunner.query(`DROP INDEX "public"."uq_figure_revisions_pending"`);
    await queryRunner.query(`DROP TABLE "figure_revisions"`);
  }
}
