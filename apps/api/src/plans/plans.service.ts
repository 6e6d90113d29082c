import type { YearPlansView } from '@app/contracts';
import { findCodesWithTarget, findPlannedIndicators, findYearPlans, insertAuditEntry, writePlanLines } from '@app/database';
import { checkPlanLines, DomainError, PlanLineInput } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { readPlanWorkbook } from './plan-workbook';

/**
 * Kế hoạch năm: the year's targets (Nghị quyết HĐND) and their revisions from a date, typed in the
 * plan screen or imported from a workbook. All lines or none: a bad line refuses the whole entry,
 * each problem naming its row. % of plan uses the target in force at the period's cutoff.
 */
@Injectable()
export class PlansService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async year(year: number): Promise<YearPlansView> {
    assertYear(year);
    const [indicators, plans] = await Promise.all([findPlannedIndicators(this.db), findYearPlans(this.db, year)]);
    const byCode = new Map(plans.map((p) => [p.indicatorCode, p]));
    return {
      year,
      plans: indicators.map((i) => ({
        indicatorCode: i.code,
        name: i.name,
        unit: i.unit,
        target: byCode.get(i.code)?.target ?? null,
        revisions: byCode.get(i.code)?.revisions ?? [],
      })),
    };
  }

  async enter(actor: Actor, year: number, lines: PlanLineInput[], source: 'screen' | 'xlsx'): Promise<YearPlansView> {
    assertYear(year);
    await this.db.transaction(async (m) => {
      const [planned, withTarget] = await Promise.all([findPlannedIndicators(m), findCodesWithTarget(m, year)]);
      const checked = checkPlanLines(year, lines, new Set(planned.map((p) => p.code)), new Set(withTarget));
      if (checked.problems.length > 0) {
        throw new DomainError('PLAN_INVALID', `Kế hoạch có ${checked.problems.length} lỗi, chưa ghi dòng nào. ${checked.problems[0].message}`, checked.problems);
      }
      const before = await findYearPlans(m, year);
      await writePlanLines(m, year, checked.lines, actor.id);
      await insertAuditEntry(m, {
        submissionId: null, entityType: 'plan_year', entityId: String(year), action: source === 'xlsx' ? 'plan.imported' : 'plan.entered', actorId: actor.id,
        before: { plans: before }, after: { lines: checked.lines },
      });
    });
    return this.year(year);
  }

  async import(actor: Actor, year: number, data: Buffer): Promise<YearPlansView> {
    if (!Buffer.isBuffer(data) || data.length === 0) throw new DomainError('PLAN_FILE_UNREADABLE', 'Chưa gửi tệp Excel (.xlsx) kế hoạch.');
    return this.enter(actor, year, await readPlanWorkbook(data), 'xlsx');
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('PLAN_BAD_DATE', 'Năm kế hoạch phải từ 2000 đến 2100.');
}
