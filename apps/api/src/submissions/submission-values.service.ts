import { Submission } from '@app/database';
import { CellValue, checkIndicatorRules, DomainError, ErrorDetail, nextState, parseCell, parseCumulative } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Actor } from '../common/actor';
import { FormCatalogService } from '../forms/form-catalog.service';
import { SaveValuesDto } from './submission.dto';
import { SubmissionAccess, versionConflict } from './submission-access.service';
import { readValueItems } from './value-items';

/**
 * One statement does the whole save, atomically: bump the version if (and only if) it is the one
 * the client read and the submission is editable, upsert every value, and append one audit row
 * holding the before and after of each changed figure. Nothing is written when any part fails.
 */
const SAVE_SQL = `
WITH s AS (
  UPDATE submissions SET version = version + 1, updated_at = now()
  WHERE id = $1 AND version = $2 AND state IN ('draft', 'returned')
  RETURNING id, version
),
input AS (
  SELECT * FROM unnest($3::text[], $4::numeric[], $5::text[], $6::boolean[], $7::numeric[], $8::boolean[], $9::text[])
    AS t(code, num, txt, cum_set, cum, note_set, note)
),
old AS (
  SELECT v.indicator_code, v.numeric_value, v.text_value, v.cumulative_entered, v.note
  FROM submission_values v JOIN s ON v.submission_id = s.id
  WHERE v.indicator_code IN (SELECT code FROM input)
),
merged AS (
  SELECT i.code, i.num, i.txt,
         CASE WHEN i.cum_set THEN i.cum ELSE o.cumulative_entered END AS cum,
         CASE WHEN i.note_set THEN i.note ELSE o.note END AS note,
         o.indicator_code IS NOT NULL AS existed, o.numeric_value AS old_num, o.text_value AS old_txt,
         o.cumulative_entered AS old_cum, o.note AS old_note
  FROM input i LEFT JOIN old o ON o.indicator_code = i.code
),
up AS (
  INSERT INTO submission_values (submission_id, indicator_code, numeric_value, text_value, cumulative_entered, note, updated_by, updated_at)
  SELECT s.id, m.code, m.num, m.txt, m.cum, m.note, $10, now() FROM s, merged m
  ON CONFLICT (submission_id, indicator_code) DO UPDATE
    SET numeric_value = EXCLUDED.numeric_value, text_value = EXCLUDED.text_value,
        cumulative_entered = EXCLUDED.cumulative_entered, note = EXCLUDED.note,
        updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
  RETURNING 1
),
changed AS (
  SELECT * FROM merged m
  WHERE NOT m.existed
     OR (m.num, m.txt, m.cum, m.note) IS DISTINCT FROM (m.old_num, m.old_txt, m.old_cum, m.old_note)
),
audit AS (
  INSERT INTO audit_log (submission_id, entity_type, entity_id, action, actor_id, before, after)
  SELECT s.id, 'submission', s.id::text, 'values.updated', $10,
    (SELECT coalesce(jsonb_object_agg(c.code, jsonb_build_object(
        'value', coalesce(to_jsonb(c.old_num), to_jsonb(c.old_txt)), 'cumulative', c.old_cum, 'note', c.old_note)), '{}'::jsonb)
     FROM changed c WHERE c.existed),
    jsonb_build_object('version', s.version, 'values', (SELECT coalesce(jsonb_object_agg(c.code, jsonb_build_object(
        'value', coalesce(to_jsonb(c.num), to_jsonb(c.txt)), 'cumulative', c.cum, 'note', c.note)), '{}'::jsonb)
     FROM changed c))
  FROM s
)
SELECT s.version, (SELECT count(*) FROM up) AS written FROM s`;

@Injectable()
export class SubmissionValuesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: SubmissionAccess,
    private readonly forms: FormCatalogService,
  ) {}

  async save(actor: Actor, id: string, dto: SaveValuesDto): Promise<{ id: string; version: number; warnings: ErrorDetail[] }> {
    const key = await this.access.keyVisibleTo(actor, id);
    const form = await this.forms.unitForm(key.formTemplateId, key.unitId);

    const { items, errors } = readValueItems(dto.values);
    const seen = new Set<string>();
    const codes: string[] = [];
    const nums: Array<string | null> = [];
    const texts: Array<string | null> = [];
    const cumSet: boolean[] = [];
    const cums: Array<string | null> = [];
    const noteSet: boolean[] = [];
    const notes: Array<string | null> = [];
    const cells = new Map<string, CellValue>();

    for (const [index, item] of items.entries()) {
      const rule = form.byCode.get(item.indicatorCode);
      if (!rule) {
        errors.push({
          field: `values.${index}.indicatorCode`,
          indicatorCode: item.indicatorCode,
          code: 'UNKNOWN_INDICATOR',
          message: `Chỉ tiêu "${item.indicatorCode}" không có trong biểu mẫu của đơn vị.`,
        });
        continue;
      }
      if (seen.has(rule.code)) {
        errors.push({ indicatorCode: rule.code, code: 'DUPLICATE_INDICATOR', message: `${rule.name}: được gửi hai lần.` });
        continue;
      }
      seen.add(rule.code);
      const cell = parseCell(rule, item.value);
      if (!cell.ok) {
        errors.push({ field: `values.${index}.value`, ...cell.error });
        continue;
      }
      const hasCumulative = item.cumulative !== undefined;
      const cumulative = hasCumulative ? parseCumulative(rule, item.cumulative) : null;
      if (cumulative && !cumulative.ok) {
        errors.push({ field: `values.${index}.cumulative`, ...cumulative.error });
        continue;
      }
      codes.push(rule.code);
      nums.push(cell.numeric?.toFixed() ?? null);
      texts.push(cell.text);
      cumSet.push(hasCumulative);
      cums.push(cumulative?.ok ? (cumulative.numeric?.toFixed() ?? null) : null);
      noteSet.push(item.note !== undefined);
      notes.push(item.note ?? null);
      cells.set(rule.code, { numeric: cell.numeric, text: cell.text, enteredCumulative: cumulative?.ok ? cumulative.numeric : null });
    }
    if (errors.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'Số liệu gửi lên không hợp lệ, chưa có gì được lưu.', errors);
    }

    // a named (prepared) statement: planned once per connection, not on every save
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    const { rows } = await pool.query<{ version: number }>({
      name: 'submission-save-values',
      text: SAVE_SQL,
      values: [id, dto.version, codes, nums, texts, cumSet, cums, noteSet, notes, actor.id],
    });
    if (rows.length === 0) await this.explainRefusal(id, dto.version);

    // rules a draft may still break; they block submission, not saving
    const warnings = checkIndicatorRules(
      form.indicators.filter((r) => cells.has(r.code)),
      cells,
      { requireAll: false },
    );
    return { id, version: Number(rows[0].version), warnings };
  }

  private async explainRefusal(id: string, version: number): Promise<never> {
    const current = await this.db.getRepository(Submission).findOne({ where: { id }, select: { state: true, version: true } });
    if (!current) throw new DomainError('SUBMISSION_NOT_FOUND', 'Không tìm thấy báo cáo của đơn vị.');
    nextState(current.state, 'edit'); // throws SUBMISSION_LOCKED / SUBMISSION_NOT_EDITABLE
    if (current.version !== version) throw versionConflict(current.version);
    throw new DomainError('VERSION_CONFLICT', 'Báo cáo vừa được thay đổi, vui lòng thử lại.', undefined, {
      currentVersion: current.version,
    });
  }
}
