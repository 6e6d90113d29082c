import type { PeriodView } from '@app/contracts';
import { FormSection, FormSectionUnit, FormTemplate, insertAuditEntry, listPeriodsWithCounts, Period, ReportingUnit, Submission } from '@app/database';
import { assertValidPeriod, checkedDeadline, cutoffWindow, DomainError, periodDeadline, periodLabel, WorkingCalendar } from '@app/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { OpenPeriodDto } from './period.dto';

@Injectable()
export class PeriodsService {
  private readonly logger = new Logger(PeriodsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
  ) {}

  async list(): Promise<PeriodView[]> {
    return (await listPeriodsWithCounts(this.db)).map(toView);
  }

  async get(id: string): Promise<PeriodView> {
    const rows = (await this.list()).filter((p) => p.id === id);
    if (rows.length === 0) throw new DomainError('PERIOD_NOT_FOUND', 'Không tìm thấy kỳ báo cáo.');
    return rows[0];
  }

  /** Opens a period and creates a draft for every unit the form assigns and that exists at the cutoff. */
  async open(actor: Actor, dto: OpenPeriodDto) {
    if (dto.type !== 'month') {
      throw new DomainError('PERIOD_INVALID', 'Hiện chỉ hỗ trợ kỳ báo cáo tháng.');
    }
    assertValidPeriod(dto.type, dto.year, dto.number);
    const window = cutoffWindow(dto.type, dto.year, dto.number);
    try {
      return await this.db.transaction(async (m) => {
        const template = await this.findTemplate(m, dto);
        // in working days of the calendar; a date on a day off moves to the next working day
        const deadline = dto.deadline
          ? checkedDeadline(dto.deadline, window.to, this.calendar)
          : periodDeadline(template.deadlineRule, window.to, this.calendar);
        if (!this.calendar.hasSchedule(Number(deadline.slice(0, 4)))) {
          this.logger.warn(`Lịch nghỉ năm ${deadline.slice(0, 4)} chưa có trong config/calendar/vn-holidays.json: hạn nộp chỉ tính thứ Bảy, Chủ nhật và các ngày lễ dương lịch.`);
        }
        const period = await m.save(
          m.create(Period, {
            type: dto.type,
            year: dto.year,
            number: dto.number,
            cutoffFrom: window.from,
            cutoffTo: window.to,
            deadline,
            formTemplateId: template.id,
            openedBy: actor.id,
          }),
        );
        const units: Array<{ id: string }> = await m
          .createQueryBuilder(ReportingUnit, 'u')
          .select('u.id', 'id')
          .distinct(true)
          .innerJoin(FormSectionUnit, 'su', 'su.unit_id = u.id')
          .innerJoin(FormSection, 'fs', 'fs.id = su.section_id AND fs.template_id = :templateId', { templateId: template.id })
          .where('u.effective_from <= :day AND (u.effective_to IS NULL OR u.effective_to >= :day)', { day: window.to })
          .getRawMany();
        if (units.length > 0) {
          await m.insert(
            Submission,
            units.map((u) => ({ unitId: u.id, periodId: period.id, formTemplateId: template.id, state: 'draft' as const })),
          );
        }
        await insertAuditEntry(m, {
          submissionId: null,
          entityType: 'period',
          entityId: period.id,
          action: 'period.opened',
          actorId: actor.id,
          after: { type: dto.type, year: dto.year, number: dto.number, deadline, formTemplateId: template.id, units: units.length },
        });
        return { ...toView({ ...period, total: units.length, draft: units.length, submitted: 0, returned: 0, approved: 0 }) };
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DomainError('PERIOD_EXISTS', `Kỳ báo cáo ${periodLabel(dto.type, dto.year, dto.number)} đã được mở.`);
      }
      throw error;
    }
  }

  private async findTemplate(m: EntityManager, dto: OpenPeriodDto): Promise<FormTemplate> {
    const qb = m.createQueryBuilder(FormTemplate, 't').where('t.period_type = :type', { type: dto.type });
    if (dto.formCode) qb.andWhere('t.code = :code', { code: dto.formCode });
    const template = await qb.orderBy('t.version', 'DESC').getOne();
    if (!template) throw new DomainError('NO_FORM_TEMPLATE', 'Chưa có biểu mẫu cho loại kỳ báo cáo này.');
    return template;
  }
}

function toView(p: {
  id: string; type: Period['type']; year: number; number: number; cutoffFrom: string; cutoffTo: string; deadline: string;
  formTemplateId: string; total: number; draft: number; submitted: number; returned: number; approved: number;
}) {
  return {
    id: p.id,
    type: p.type,
    year: p.year,
    number: p.number,
    label: periodLabel(p.type, p.year, p.number),
    cutoffFrom: p.cutoffFrom,
    cutoffTo: p.cutoffTo,
    deadline: p.deadline,
    formTemplateId: p.formTemplateId,
    submissions: { total: p.total, draft: p.draft, submitted: p.submitted, returned: p.returned, approved: p.approved },
  };
}
