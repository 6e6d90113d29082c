import { AppConfig, InjectConfig } from '@app/config';
import { Submission } from '@app/database';
import { CellValue, checkIndicatorRules, dec, DomainError, ErrorDetail, nextState, parseCellText, parseCumulativeText } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { FormCatalogService } from '../forms/form-catalog.service';
import { SaveValuesDto } from './submission.dto';
import { SubmissionAccess, versionConflict } from './submission-access.service';
import { SaveBatcher } from './save-batcher';
import { readValueItems } from './value-items';

@Injectable()
export class SubmissionValuesService {
  private readonly batcher: SaveBatcher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: SubmissionAccess,
    private readonly forms: FormCatalogService,
    @InjectConfig() env: AppConfig,
  ) {
    this.batcher = new SaveBatcher(this.db, {
      maxInFlight: env.SAVE_BATCH_IN_FLIGHT,
      maxBatch: env.SAVE_BATCH_MAX_SIZE,
    });
  }

  async save(actor: Actor, id: string, dto: SaveValuesDto): Promise<{ id: string; version: number; warnings: ErrorDetail[] }> {
    const key = await this.access.keyVisibleTo(actor, id);
    const form = await this.forms.unitForm(key.formTemplateId, key.unitId, key.periodId);

    const { items, errors } = readValueItems(dto.values);
    const seen = new Set<string>();
    const codes: string[] = [];
    const nums: Array<string | null> = [];
    const texts: Array<string | null> = [];
    const cumSet: boolean[] = [];
    const cums: Array<string | null> = [];
    const noteSet: boolean[] = [];
    const notes: Array<string | null> = [];
    const statusSet: boolean[] = [];
    const statuses: Array<string | null> = [];
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
      const cell = parseCellText(rule, item.value);
      if (!cell.ok) {
        errors.push({ field: `values.${index}.value`, ...cell.error });
        continue;
      }
      const hasCumulative = item.cumulative !== undefined;
      const cumulative = hasCumulative ? parseCumulativeText(rule, item.cumulative) : null;
      if (cumulative && !cumulative.ok) {
        errors.push({ field: `values.${index}.cumulative`, ...cumulative.error });
        continue;
      }
      codes.push(rule.code);
      const cum = cumulative?.ok ? cumulative.numeric : null;
      nums.push(cell.numeric);
      texts.push(cell.text);
      cumSet.push(hasCumulative);
      cums.push(cum);
      noteSet.push(item.note !== undefined);
      notes.push(item.note ?? null);
      statusSet.push(item.status !== undefined);
      statuses.push(item.status ?? null);
      // decimals only for the figures a draft's rules look at (bounds, whole numbers, "trong đó")
      if (form.draftChecked.has(rule.code)) {
        cells.set(rule.code, {
          numeric: cell.numeric === null ? null : dec(cell.numeric),
          text: cell.text,
          enteredCumulative: cum === null ? null : dec(cum),
        });
      }
    }
    if (errors.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'Số liệu gửi lên không hợp lệ, chưa có gì được lưu.', errors);
    }

    // rules a draft may still break; they block submission, not saving (they depend on what was sent only)
    const warnings = checkIndicatorRules(
      form.indicators.filter((r) => cells.has(r.code)),
      cells,
      { requireAll: false },
    );
    const newVersion = await this.batcher.save({
      submissionId: id, version: dto.version, actorId: actor.id, codes, nums, texts, cumSet, cums, noteSet, notes, statusSet, statuses,
    });
    if (newVersion === null) await this.explainRefusal(id, dto.version);
    return { id, version: newVersion!, warnings };
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
