import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restructurings of units (sáp nhập, chia tách, điều chuyển chỉ tiêu) and their lineage: which
 * indicator each successor takes over from which predecessor, from which day. The successor's form
 * and the history of its figures (cumulative, % vs same period) follow these rows.
 */
export class UnitLineage1764740000000 implements MigrationInterface {
  name = 'UnitLineage1764740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "unit_restructurings" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "effective_date" date NOT NULL,
      "decision" text NOT NULL,
      "actor_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_unit_restructurings" PRIMARY KEY ("id"),
      CONSTRAINT "FK_unit_restructurings_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT)`);
    await queryRunner.query(`CREATE TABLE "unit_lineage" (
      "restructuring_id" uuid NOT NULL,
      "predecessor_id" uuid NOT NULL,
      "successor_id" uuid NOT NULL,
      "indicator_code" text NOT NULL,
      "effective_date" date NOT NULL,
      CONSTRAINT "PK_unit_lineage" PRIMARY KEY ("predecessor_id", "indicator_code", "effective_date"),
      CONSTRAINT "CHK_unit_lineage_distinct" CHECK ("predecessor_id" <> "successor_id"),
      CONSTRAINT "FK_unit_lineage_restructuring" FOREIGN KEY ("restructuring_id") REFERENCES "unit_restructurings"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_unit_lineage_predecessor" FOREIGN KEY ("predecessor_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_unit_lineage_successor" FOREIGN KEY ("successor_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT)`);
    await queryRunner.query(`CREATE INDEX "IDX_unit_lineage_successor" ON "unit_lineage" ("successor_id", "indicator_code")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "unit_lineage"`);
    await queryRunner.query(`DROP TABLE "unit_restructurings"`);
  }
}
