import { EventJob, jobIds, OutboxEvents, QUEUES, RenderingJob, UNTIL_DONE_JOB_OPTIONS } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EventHandler } from '../events/event-handler';

/**
 * Every stored revision gets its documents; a signed one gets them again, signed; an issued one its
 * issued DOCX. A signed or issued rendering is retried until it succeeds (a failure alerts each time):
 * a signed report without its document could be neither downloaded nor issued.
 */
@Injectable()
export class RenderTriggerHandler implements EventHandler {
  readonly handles = ['report.revision_created', 'report.signed', 'report.issued'] as const;

  constructor(@InjectQueue(QUEUES.rendering) private readonly queue: Queue<RenderingJob>) {}

  async handle(event: EventJob): Promise<void> {
    const p = event.payload as OutboxEvents['report.revision_created'];
    const as = event.type === 'report.signed' ? 'signed' : event.type === 'report.issued' ? 'issued' : 'draft';
    // a draft: the queue's retry policy; the signed or issued document: until it is made
    await this.queue.add('render', { revisionId: p.revisionId }, { ...(as === 'draft' ? {} : UNTIL_DONE_JOB_OPTIONS), jobId: jobIds.rendering(p.revisionId, as) });
  }
}
