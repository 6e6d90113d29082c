import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox event is done when its handlers ran (`handled_at`), not when it was queued
 * (`dispatched_at`): a job lost with Redis, or failed after its last attempt, leaves the row
 * dispatched and unhandled, and the sweeper re-drives it. Rows dispatched before this migration
 * count as handled.
 */
export class OutboxHandled1764720000000 implements MigrationInterface {
  name = 'OutboxHandled1764720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" ADD "handled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "outbox_events" SET "handled_at" = "dispatched_at" WHERE "dispatched_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_unhandled" ON "outbox_events" ("dispatched_at") WHERE dispatched_at IS NOT NULL AND handled_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_handled_at" ON "outbox_events" ("handled_at") WHERE handled_at IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_outbox_handled_at"`);
    await queryRunner.query(`DROP INDEX "idx_outbox_unhandled"`);
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP COLUMN "handled_at"`);
  }
}
