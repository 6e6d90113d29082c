import { findExtensionReason, findLatestReturnReason } from '@app/database';
import { eventMessage, NotifiedEvent } from '@app/domain';
import type { EventJob, OutboxEvents, OutboxEventType } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventHandler } from '../events/event-handler';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';
import { NotificationWriter } from './notification-writer.service';
import { loadSubmissionFacts } from './submission-context';

const AUDIENCE: Record<NotifiedEvent, 'reviewers' | 'unit_officers'> = {
  'submission.submitted': 'reviewers',
  'submission.returned': 'unit_officers',
  'submission.approved': 'unit_officers',
  'deadline.extended': 'unit_officers',
  'deadline.moved': 'unit_officers',
  'figures.revision_submitted': 'reviewers',
  'figures.revised': 'unit_officers',
};

/**
 * Tells people what happened: a unit submitted (the reviewers), the office returned or approved
 * a submission (the unit's officers), an administrator extended a unit's deadline, or a calendar
 * entered moved it (its officers).
 * Idempotent: the notification's key is the outbox event's id.
 */
@Injectable()
export class NotificationEventsHandler implements EventHandler {
  readonly handles: readonly OutboxEventType[] = Object.keys(AUDIENCE) as NotifiedEvent[];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: NotificationWriter,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {}

  async handle(event: EventJob): Promise<void> {
    const type = event.type as NotifiedEvent;
    const payload = event.payload as OutboxEvents[NotifiedEvent];
    const facts = await loadSubmissionFacts(
      this.db,
      'submissionId' in payload ? { submissionId: payload.submissionId } : { periodId: payload.periodId, unitId: payload.unitId },
      this.settings.publicUrl,
    );
    if (!facts) return;
    const before = type === 'deadline.moved' ? (payload as OutboxEvents['deadline.moved']).before : undefined;
    const message = eventMessage(type, facts, { reason: await this.reason(event), before });
    await this.writer.write({
      audience: AUDIENCE[type],
      unitId: facts.unitId,
      kind: type,
      message,
      link: facts.link,
      periodId: facts.periodId,
      submissionId: facts.submissionId,
      dedupeKey: `event.${event.outboxId}`,
    });
  }

  private async reason(event: EventJob): Promise<string | null> {
    if (event.type === 'deadline.extended') {
      const p = event.payload as OutboxEvents['deadline.extended'];
      return findExtensionReason(this.db, p.extensionId);
    }
    if (event.type === 'submission.returned') {
      const p = event.payload as OutboxEvents['submission.returned'];
      return findLatestReturnReason(this.db, p.submissionId);
    }
    if (event.type === 'figures.revision_submitted') return (event.payload as OutboxEvents['figures.revision_submitted']).reason;
    if (event.type === 'deadline.moved') return (event.payload as OutboxEvents['deadline.moved']).reason;
    return null;
  }
}
