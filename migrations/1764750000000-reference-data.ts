import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data kept by the administrator instead of files: a form version is published effective
 * from a month (`effective_from`; NULL: from the beginning, as the seeded versions); one draft per
 * form code is edited before publishing; a year's plan may be revised from a date (điều chỉnh kế
 * hoạch); a year's days off and make-up days are entered with the decision that announced them.
 */
export class ReferenceData1764750000000 implements MigrationInterface {
  name = 'ReferenceData1764750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "form_templates" ADD "effective_from" date`);
    await queryRunner.query(`ALTER TABLE "form_templates" ADD "published_by" uuid`);
    await queryRunner.query(`CREATE TABLE "form_drafts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "form_code" text NOT NULL, "base_template_id" uuid NOT NULL, "body" jsonb NOT NULL, "version" integer NOT NULL DEFAULT 1, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_form_drafts_form_code" UNIQUE ("form_code"), CONSTRAINT "PK_form_drafts" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "form_drafts" ADD CONSTRAINT "FK_form_drafts_base" FOREIGN KEY ("base_template_id") REFERENCES "form_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "indicator_plan_revisions" ("indicator_code" text NOT NULL, "year" integer NOT NULL, "effective_from" date NOT NULL, "target" numeric NOT NULL, "decision" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_plan_revision_in_year" CHECK (extract(year FROM "effective_from") = "year"), CONSTRAINT "PK_indicator_plan_revisions" PRIMARY KEY ("indicator_code", "year", "effective_from"))`);
    await queryRunner.query(`CREATE TABLE "calendar_years" ("year" integer NOT NULL, "lunar" jsonb, "days_off" jsonb NOT NULL, "make_up_days" jsonb NOT NULL, "decision" text NOT NULL, "version" integer NOT NULL DEFAULT 1, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_calendar_years" PRIMARY KEY ("year"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_years"`);
    await queryRunner.query(`DROP TABLE "indicator_plan_revisions"`);
    await queryRunner.query(`DROP TABLE "form_drafts"`);
    await queryRunner.query(`ALTER TABLE "form_templates" DROP COLUMN "published_by"`);
    await queryRunner.query(`ALTER TABLE "form_templates" DROP COLUMN "effective_from"`);
  }
}
