import type { PeriodType } from '@app/domain';
import type { Queryable } from './queryable';

/** A published form template with the size of its content, for the administrator's list. */
export interface FormTemplateSummaryRow {
  id: string;
  code: string;
  version: number;
  name: string;
  periodTypes: PeriodType[];
  deadlineRule: unknown;
  createdAt: Date;
  sections: number;
  indicators: number;
}

/** By code, newest version first. */
export async function listFormTemplateSummaries(db: Queryable): Promise<FormTemplateSummaryRow[]> {
  return db.query(
    `SELECT t.id, t.code, t.version, t.name, t.period_types AS "periodTypes", t.deadline_rule AS "deadlineRule",
            t.created_at AS "createdAt",
            (SELECT count(*)::int FROM form_sections s WHERE s.template_id = t.id) AS sections,
            (SELECT count(*)::int FROM indicators i WHERE i.template_id = t.id) AS indicators
       FROM form_templates t ORDER BY t.code, t.version DESC`,
  );
}
