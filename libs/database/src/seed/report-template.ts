import type { ReportTemplate } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';

/** Installs a report template version unless it exists (a published version never changes). */
export async function installReportTemplate(db: DataSource | EntityManager, template: ReportTemplate): Promise<string> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO report_templates (code, version, form_code, period_type, body) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (code, version) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
    [template.code, template.version, template.formCode, template.periodType ?? null, JSON.stringify(template)],
  );
  return rows[0].id;
}
