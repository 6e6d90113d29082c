import {
  AUDIENCE,
  periodLabel,
  reminderMessage,
  reminderPolicy,
  remindersForDay,
  WorkingCalendar,
} from '@app/domain';
import { findPendingReminderEmails, findReminderFacts, GroupCommit, ReminderFactsRow, ReminderWriteColumns, writeReminderBatch } from '@app/database';
import { jobIds, RemindJob } from '@app/queue';
import type { DataSource } from 'typeorm';

export type RemindOutcome = 'sent' | 'already-sent' | 'no-longer-due' | 'gone';

/**
 * Group commit for reminder jobs (see GroupCommit): one read of their submissions, then one
 * statement (one commit) for all their rows. Each job still gets its own answer (the statement
 * re-checks each reminder against its submission).
 */
export class ReminderBatcher {
  private readonly group = new GroupCommit<RemindJob, RemindOutcome>((jobs) => this.execute(jobs));

  constructor(
    private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly options: { publicUrl: string; withEmail: boolean; queueEmails: (ids: string[]) => Promise<void> },
  ) {}

  remind(job: RemindJob): Promise<RemindOutcome> {
    return this.group.submit(job);
  }

  private async execute(jobs: RemindJob[]): Promise<RemindOutcome[]> {
    const ids = [...new Set(jobs.map((j) => j.submissionId!))];
    const facts = new Map<string, ReminderFactsRow>((await findReminderFacts(this.db, ids)).map((f) => [f.id, f]));
    const outcomes: RemindOutcome[] = [];
    const cols: ReminderWriteColumns = { key: [], kind: [], day: [], period: [], submission: [], audience: [], unit: [], title: [], body: [],
      link: [], states: [], submittedAt: [] };
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

    const written = await writeReminderBatch(this.db, cols, this.options.withEmail);
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
      deliveries = [...deliveries, ...(await findPendingReminderEmails(this.db, rerun))];
    }
    await this.options.queueEmails(deliveries);
    return outcomes;
  }
}
