import type { PeriodView } from '@app/contracts';
import { applyEnteredCalendarYears, findNewestFormForPeriodType, insertAuditEntry, insertDraftsForFormUnits, insertPeriod, listPeriodsWithCounts, PeriodCountsRow } from '@app/database';
import {
  assertValidPeriod,
  checkedDeadline,
  cutoffWindow,
  DeadlineRule,
  DomainError,
  periodDeadline,
  periodLabel,
  periodMonths,
  periodName,
  periodOrder,
  WorkingCalendar,
} from '@app/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { OpenPeriodDto } from './period.dto';

@Injectable()
export class PeriodsService {
  private readonly logger = new Logger(PeriodsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** Newest year first; within a year, the latest period first (December's report, then the year's, …). */
  async list(): Promise<PeriodView[]> {
    const rows = await listPeriodsWithCounts(this.db);
    return rows.sort((a, b) => b.year - a.year || periodOrder(b.type, b.number) - periodOrder(a.type, a.number)).map(toView);
  }

  async get(id: string): Promise<PeriodView> {
    const rows = (await this.list()).filter((p) => p.id === id);
    if (rows.length === 0) throw new DomainError('PERIOD_NOT_FOUND', 'Không tìm thấy kỳ báo cáo.');
    return rows[0];
  }

  /**
   * Opens a period of any type — its Decree 09 cutoff window, its deadline in working days from its
   * form's rule — and creates a draft for every unit its form assigns and that exists at the cutoff.
   * The form is the newest one that serves the period type (data: the form's `periodTypes`).
   */
  async open(actor: Actor, dto: OpenPeriodDto): Promise<PeriodView> {
    assertValidPeriod(dto.type, dto.year, dto.number);
    const window = cutoffWindow(dto.type, dto.year, dto.number);
    // a year another API process entered (calendar_years) counts here too
    await applyEnteredCalendarYears(this.db, this.calendar);
    try {
      return await this.db.transaction(async (m) => {
        const template = await findNewestFormForPeriodType(m, dto.type, dto.formCode, window.to);
        if (!template) throw new DomainError('NO_FORM_TEMPLATE', `Chưa có biểu mẫu cho kỳ ${periodLabel(dto.type, dto.year, dto.number)}.`);
        // in working days of the calendar; a date on a day off moves to the next working day
        const deadline = dto.deadline
          ? checkedDeadline(dto.deadline, window.to, this.calendar)
          : periodDeadline(template.deadlineRule as DeadlineRule | null, window.to, this.calendar);
        if (!this.calendar.hasSchedule(Number(deadline.slice(0, 4)))) {
          this.logger.warn(`Lịch nghỉ năm ${deadline.slice(0, 4)} chưa được nhập (Quản trị › Lịch nghỉ): hạn nộp chỉ tính thứ Bảy, Chủ nhật và các ngày lễ dương lịch.`);
        }
        const period = await insertPeriod(m, {
          type: dto.type, year: dto.year, number: dto.number, cutoffFrom: window.from, cutoffTo: window.to, deadline, formTemplateId: template.id, openedBy: actor.id,
        });
        const units = await insertDraftsForFormUnits(m, period.id, template.id, window.to);
        await insertAuditEntry(m, {
          submissionId: null,
          entityType: 'period',
          entityId: period.id,
          action: 'period.opened',
          actorId: actor.id,
          after: { type: dto.type, year: dto.year, number: dto.number, deadline, formTemplateId: template.id, units },
        });
        return toView({
          id: period.id, type: dto.type, year: dto.year, number: dto.number, cutoffFrom: window.from, cutoffTo: window.to, deadline,
          formTemplateId: template.id, total: units, draft: units, submitted: 0, returned: 0, approved: 0,
        });
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DomainError('PERIOD_EXISTS', `Kỳ báo cáo ${periodLabel(dto.type, dto.year, dto.number)} đã được mở.`);
      }
      throw error;
    }
  }
}

function toView(p: PeriodCountsRow): PeriodView {
  return {
    id: p.id,
    type: p.type,
    year: p.year,
    number: p.number,
    label: periodLabel(p.type, p.year, p.number),
    name: periodName(p.type, p.year, p.number),
    months: periodMonths(p.type, p.number),
    cutoffFrom: p.cutoffFrom,
    cutoffTo: p.cutoffTo,
    deadline: p.deadline,
    formTemplateId: p.formTemplateId,
    submissions: { total: p.total, draft: p.draft, submitted: p.submitted, returned: p.returned, approved: p.approved },
  };
}
