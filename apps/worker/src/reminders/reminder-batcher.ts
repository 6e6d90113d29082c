import {
  AUDIENCE,
  periodLabel,
  PeriodType,
  reminderMessage,
  reminderPolicy,
  remindersForDay,
  SubmissionState,
  WorkingCalendar,
} from '@app/domain';
import { GroupCommit } from '@app/database';
import { jobIds, RemindJob } from '@app/queue';
import type { Pool } from 'pg';
import { PENDING_EMAILS_SQL, REMINDER_FACTS_SQL, REMINDER_WRITE_SQL } from './reminder-batch.sql';

export type RemindOutcome = 'sent' | 'already-sent' | 'no-longer-due' | 'gone';

interface Facts {
  id: string;
  unit_id: string;
  period_id: string;
  state: SubmissionState;
  submitted_at: Date | null;
  unit_name: string;
  type: PeriodType;
  year: number;
  number: number;
  deadline: string;
  extended: boolean;
  reminder_policy: unknown;
}

/**
 * Group commit for reminder jobs (see GroupCommit): one read of their submissions, then one
 * statement (one commit) for all their rows. Each job still gets its own answer (the statement
 * re-checks each reminder against its submission).
 */
export class ReminderBatcher {
  private readonly group = new GroupCommit<RemindJob, RemindOutcome>((jobs) => this.execute(jobs));

  constructor(
    private readonly pool: Pool,
    private readonly calendar: WorkingCalendar,
    private readonly options: { publicUrl: string; withEmail: boolean; queueEmails: (ids: string[]) => Promise<void> },
  ) {}

  remind(job: RemindJob): Promise<RemindOutcome> {
    return this.group.submit(job);
  }

  private async execute(jobs: RemindJob[]): Promise<RemindOutcome[]> {
    const ids = [...new Set(jobs.map((j) => j.submissionId!))];
    const facts = new Map<string, Facts>(
      (await this.pool.query<Facts>({ name: 'reminder-facts', text: REMINDER_FACTS_SQL, values: [ids] })).rows.map((f) => [f.id, f]),
    );
    const outcomes: RemindOutcome[] = [];
    const cols = { key: [] as string[], kind: [] as string[], day: [] as string[], period: [] as string[], submission: [] as string[],
      audience: [] as string[], unit: [] as string[], title: [] as string[], body: [] as string[], link: [] as string[],
      states: [] as string[], submittedAt: [] as Array<Date | null> };
    const planned = new Map<number, string>();
    jobs.forEach((job, i) => {
      const f = facts.get(job.submissionId!);
      if (!f) return outcomes.push('gone');
      const subject = { state: f.state, deadline: f.deadline, submittedAt: f.submitted_at };
      const due = remindersForDay(job.day, subject, reminderPolicy(f.reminder_policy), this.calendar).find((r) => r.kind === job.kind);
      if (!due) return outcomes.push('no-longer-due');
      const review = job.kind === 'review_pending' || job.kind === 'review_escalated';
      const link = `${this.options.publicUrl}/api/submissions/${f.id}`;
      const message = reminderMessage(due, { unitName: f.unit_name, periodLabel: periodLabel(f.type, f.year, f.number), deadline: f.deadline, extended: f.extended, link }, f.submitted_at);
      const key = jobIds.remind(job);
      planned.set(i, key);
      cols.key.push(key);
      cols.kind.push(job.kind);
      cols.day.push(job.day);
      cols.period.push(f.period_id);
      cols.submission.push(f.id);
      cols.audience.push(AUDIENCE[job.kind]);
      cols.unit.push(f.unit_id);
      cols.title.push(message.title);
      cols.body.push(message.body);
      cols.link.push(link);
      cols.states.push(review ? 'submitted' : 'draft,returned');
      cols.submittedAt.push(review ? f.submitted_at : null);
      outcomes.push('sent'); // settled below
    });
    if (planned.size === 0) return outcomes;

    const { rows: [written] } = await this.pool.query<{ guarded: string[]; created: string[]; deliveries: string[] }>({
      name: 'reminder-write',
      text: REMINDER_WRITE_SQL,
      values: [cols.key, cols.kind, cols.day, cols.period, cols.submission, cols.audience, cols.unit, cols.title, cols.body, cols.link,
        cols.states, cols.submittedAt, this.options.withEmail],
    });
    const guarded = new Set(written.guarded);
    const created = new Set(written.created);
    const claimed = new Set<string>();
    for (const [i, key] of planned) {
      const first = created.has(key) && !claimed.has(key);
      if (first) claimed.add(key);
      outcomes[i] = first ? 'sent' : guarded.has(key) ? 'already-sent' : 'no-longer-due';
    }
    let deliveries = written.deliveries;
    const rerun = [...planned.values()].filter((k) => guarded.has(k) && !created.has(k));
    if (this.options.withEmail && rerun.length > 0) {
      const { rows } = await this.pool.query<{ id: string }>({ name: 'reminder-pending-emails', text: PENDING_EMAILS_SQL, values: [rerun] });
      deliveries = [...deliveries, ...rows.map((r) => r.id)];
    }
    await this.options.queueEmails(deliveries);
    return outcomes;
  }
}
