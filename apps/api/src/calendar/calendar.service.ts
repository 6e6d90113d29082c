import type { CalendarEntryResult, CalendarOverview, CalendarYearView, RecomputedDeadline } from '@app/contracts';
import {
  applyEnteredCalendarYears, findEnteredCalendarYears, findExtensionsOfPeriods, findUnitsOwingBy, insertAuditEntry, lockCalendarYear, lockPeriodsAwaitingFigures,
  updateExtensionDeadline, updatePeriodDeadline, upsertCalendarYear,
} from '@app/database';
import { CalendarYear, calendarYearProblem, DeadlineRule, DomainError, periodDeadline, periodLabel, PeriodType, vnDate, WorkingCalendar } from '@app/domain';
import { Clock, CLOCK, writeOutbox } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { EnterCalendarYearDto } from './calendar.dto';

/**
 * Lịch nghỉ: the administrator enters a year's days off and make-up days with the decision that
 * announced them. Deadlines of periods still awaiting figures are recomputed in the same
 * transaction (a deadline from the form's rule is computed again; a typed one moves off a new day
 * off), and reminders follow, since they are computed from the deadline and the calendar. The
 * officers of each unit still owing figures whose deadline moved are told (outbox `deadline.moved`).
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
  ) {}

  async overview(): Promise<CalendarOverview> {
    await applyEnteredCalendarYears(this.db, this.calendar);
    const entered = new Map((await findEnteredCalendarYears(this.db)).map((r) => [r.year, r]));
    const thisYear = Number(vnDate(await this.clock.now()).slice(0, 4));
    const first = Math.min(thisYear, ...entered.keys(), ...[2024, 2025, 2026].filter((y) => this.calendar.hasSchedule(y)));
    const years: CalendarYearView[] = [];
    for (let y = thisYear + 1; y >= first; y--) years.push(this.view(y, entered.get(y)));
    return { years, missing: [thisYear, thisYear + 1].filter((y) => !this.calendar.hasSchedule(y)) };
  }

  async year(year: number): Promise<CalendarYearView> {
    assertYear(year);
    await applyEnteredCalendarYears(this.db, this.calendar);
    const row = (await findEnteredCalendarYears(this.db)).find((r) => r.year === year);
    return this.view(year, row);
  }

  async enter(actor: Actor, year: number, dto: EnterCalendarYearDto): Promise<CalendarEntryResult> {
    assertYear(year);
    const entry: CalendarYear = {
      ...(dto.lunar ? { lunar: { tet: dto.lunar.tet, hungKings: dto.lunar.hungKings } } : {}),
      daysOff: dto.daysOff.map((d) => (d.date ? { date: d.date, name: d.name.trim() } : { from: d.from, to: d.to, name: d.name.trim() })),
      makeUpDays: dto.makeUpDays.map((m) => ({ date: m.date, name: m.name.trim() })),
    };
    const decision = dto.decision.trim();
    if (!decision) throw new DomainError('CALENDAR_INVALID', 'Phải ghi văn bản công bố lịch nghỉ (số, ngày, trích yếu).');
    const problem = calendarYearProblem(String(year), entry);
    if (problem) throw new DomainError('CALENDAR_INVALID', `Lịch nghỉ không hợp lệ: ${problem}.`);
    const outside = [...entry.daysOff.flatMap((d) => [d.date ?? d.from!]), ...entry.makeUpDays.map((m) => m.date)].find((d) => !d.startsWith(`${year}-`));
    if (outside) throw new DomainError('CALENDAR_INVALID', `Ngày ${outside} không thuộc năm ${year}.`);

    await applyEnteredCalendarYears(this.db, this.calendar);
    const next = this.calendar.withYear(year, entry);
    const recomputed = await this.db.transaction(async (m) => {
      const current = await lockCalendarYear(m, year);
      if (current && dto.version !== undefined && dto.version !== current.version) {
        throw new DomainError('VERSION_CONFLICT', 'Lịch nghỉ năm này vừa được người khác cập nhật. Vui lòng tải lại.', undefined, { currentVersion: current.version });
      }
      await upsertCalendarYear(m, year, entry, decision, actor.id);
      const moved: RecomputedDeadline[] = [];
      const periods = await lockPeriodsAwaitingFigures(m);
      for (const p of periods) {
        const rule = p.deadlineRule as DeadlineRule | null;
        // a deadline the rule gave is computed again; one typed at opening only moves off a new day off
        const fromRule = p.deadline === periodDeadline(rule, p.cutoffTo, this.calendar);
        const after = fromRule ? periodDeadline(rule, p.cutoffTo, next) : next.nextWorkingDay(p.deadline);
        if (after === p.deadline) continue;
        await updatePeriodDeadline(m, p.id, after);
        const label = periodLabel(p.type as PeriodType, p.year, p.number);
        moved.push({ periodId: p.id, label, before: p.deadline, after, unitExtensionId: null });
        await insertAuditEntry(m, {
          submissionId: null, entityType: 'period', entityId: p.id, action: 'period.deadline_recomputed', actorId: actor.id,
          before: { deadline: p.deadline }, after: { deadline: after, calendarYear: year, decision },
        });
      }
      for (const e of await findExtensionsOfPeriods(m, periods.map((p) => p.id))) {
        const after = next.nextWorkingDay(e.deadline);
        if (after === e.deadline) continue;
        await updateExtensionDeadline(m, e.id, after);
        const p = periods.find((x) => x.id === e.periodId)!;
        moved.push({ periodId: p.id, label: periodLabel(p.type as PeriodType, p.year, p.number), before: e.deadline, after, unitExtensionId: e.id });
        await insertAuditEntry(m, {
          submissionId: null, entityType: 'deadline_extension', entityId: e.id, action: 'deadline.recomputed', actorId: actor.id,
          before: { deadline: e.deadline }, after: { deadline: after, calendarYear: year, decision },
        });
      }
      // the officers of the units whose deadline moved hear of it (the worker's notification, by e-mail too)
      for (const d of moved) {
        for (const unitId of await findUnitsOwingBy(m, d.periodId, d.unitExtensionId)) {
          await writeOutbox(m, 'deadline.moved', { periodId: d.periodId, unitId, before: d.before, after: d.after, reason: decision, actorId: actor.id });
        }
      }
      await insertAuditEntry(m, {
        submissionId: null, entityType: 'calendar_year', entityId: String(year), action: 'calendar.entered', actorId: actor.id,
        before: current ? { ...current.entry, decision: current.decision } : undefined,
        after: { ...entry, decision, recomputed: moved.length },
      });
      return moved;
    });
    this.calendar.replaceYear(year, entry);
    return { year: await this.year(year), recomputed };
  }

  private view(year: number, row: { entry: CalendarYear; decision: string; version: number } | undefined): CalendarYearView {
    const schedule = this.calendar.yearSchedule(year);
    return {
      year,
      scheduled: schedule !== null,
      entered: row !== undefined,
      decision: row?.decision ?? null,
      version: row?.version ?? null,
      daysOff: (schedule?.daysOff ?? []).map((d) => (d.date ? { date: d.date, name: d.name } : { from: d.from, to: d.to, name: d.name })),
      makeUpDays: (schedule?.makeUpDays ?? []).map((m) => ({ date: m.date, name: m.name })),
      lunar: schedule?.lunar ?? null,
    };
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('CALENDAR_INVALID', 'Năm phải từ 2000 đến 2100.');
}
