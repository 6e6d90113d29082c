import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines, reminders and notifications: the form's reminder policy, deadline extensions per
 * unit and period, the sent-reminder record (unique per kind, subject and day), the in-app inbox
 * and the e-mail copies of its messages.
 */
export class Reminders1764300000000 implements MigrationInterface {
  name = 'Reminders1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deadline_extensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "deadline" date NOT NULL, "reason" text NOT NULL, "granted_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5f16404af49bd2f349ada57c44f" UNIQUE ("period_id", "unit_id"), CONSTRAINT "PK_7f77bdaaa612f494d52177c7b59" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" text NOT NULL, "kind" text NOT NULL, "day" date NOT NULL, "period_id" uuid NOT NULL, "submission_id" uuid, "recipients" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_2d655c27551436438136cd94be2" UNIQUE ("dedupe_key"), CONSTRAINT "CHK_4f052ae4aa491a520aff535772" CHECK ("kind" IN ('before_deadline', 'on_deadline', 'overdue', 'review_pending', 'review_escalated', 'digest')), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b51b7ccb033970cef3a8a90271" ON "reminders" ("submission_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_d427c5956706e177d0e78997c8" ON "reminders" ("day")`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" text, "period_id" uuid, "submission_id" uuid, "reminder_id" uuid, "dedupe_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_e7651c9a8de8ba1b8def976b559" UNIQUE ("user_id", "dedupe_key"), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications" ("user_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "email_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "to_address" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_11faa697954fd601335f179dee1" UNIQUE ("notification_id"), CONSTRAINT "CHK_9a10485aa43531b1b293e8a664" CHECK ("status" IN ('pending', 'sent', 'failed')), CONSTRAINT "PK_aa4e94683dafee7c55aaeb9f59d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_email_deliveries_pending" ON "email_deliveries" ("created_at") WHERE status = 'pending'`);
    await queryRunner.query(`ALTER TABLE "form_templates" ADD "reminder_policy" jsonb`);
    await queryRunner.query(`ALTER TABLE "deadline_extensions" ADD CONSTRAINT "FK_cb4363fd0daa7b783573a0b6cec" FOREIGN KEY ("period_id") REFERENCES "periods"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deadline_extensions" ADD CONSTRAINT "FK_22eb6eea061244ded67b26e8bc6" FOREIGN KEY ("unit_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deadline_extensions" ADD CONSTRAINT "FK_0b81d6c9db2d8fe4f5ba3d22dff" FOREIGN KEY ("granted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reminders" ADD CONSTRAINT "FK_79b099d87ebdef2559c03ddf8b5" FOREIGN KEY ("period_id") REFERENCES "periods"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reminders" ADD CONSTRAINT "FK_b51b7ccb033970cef3a8a902711" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_aee0b650dc7d27fff5bc0cb906c" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "email_deliveries" ADD CONSTRAINT "FK_11faa697954fd601335f179dee1" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_deliveries" DROP CONSTRAINT "FK_11faa697954fd601335f179dee1"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_aee0b650dc7d27fff5bc0cb906c"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_b51b7ccb033970cef3a8a902711"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_79b099d87ebdef2559c03ddf8b5"`);
    await queryRunner.query(`ALTER TABLE "deadline_extensions" DROP CONSTRAINT "FK_0b81d6c9db2d8fe4f5ba3d22dff"`);
    await queryRunner.query(`ALTER TABLE "deadline_extensions" DROP CONSTRAINT "FK_22eb6eea061244ded67b26e8bc6"`);
    await queryRunner.query(`ALTER TABLE "deadline_extensions" DROP CONSTRAINT "FK_cb4363fd0daa7b783573a0b6cec"`);
    await queryRunner.query(`ALTER TABLE "form_templates" DROP COLUMN "reminder_policy"`);
    await queryRunner.query(`DROP INDEX "public"."idx_email_deliveries_pending"`);
    await queryRunner.query(`DROP TABLE "email_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d427c5956706e177d0e78997c8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b51b7ccb033970cef3a8a90271"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
    await queryRunner.query(`DROP TABLE "deadline_extensions"`);
  }
}
