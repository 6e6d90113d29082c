import { MigrationInterface, QueryRunner } from 'typeorm';

/** The draft of a report template's next version (one per template code), edited before publishing. */
export class ReportTemplateDrafts1764751000000 implements MigrationInterface {
  name = 'ReportTemplateDrafts1764751000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report_template_drafts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_code" text NOT NULL, "base_template_id" uuid NOT NULL, "body" jsonb NOT NULL, "version" integer NOT NULL DEFAULT 1, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_report_template_drafts_code" UNIQUE ("template_code"), CONSTRAINT "PK_report_template_drafts" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "report_template_drafts" ADD CONSTRAINT "FK_report_template_drafts_base" FOREIGN KEY ("base_template_id") REFERENCES "report_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_template_drafts"`);
  }
}
