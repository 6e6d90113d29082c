import { EventJob, jobIds, OutboxEvents, QUEUES, RenderingJob } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EventHandler } from '../events/event-handler';

/** Every stored revision gets its documents; a signed one gets them again, signed; an issued one its issued DOCX. */
@Injectable()
export class RenderTriggerHandler implements EventHandler {
  readonly handles = ['report.revision_created', 'report.signed', 'report.issued'] as const;

  constructor(@InjectQueue(QUEUES.rendering) private readonly queue: Queue<RenderingJob>) {}

  async handle(event: EventJob): Promise<void> {
    const p = event.payload as OutboxEvents['report.revision_created'];
    const as = event.type === 'report.signed' ? 'signed' : event.type === 'report.issued' ? 'issued' : 'draft';
    await this.queue.add('render', { revisionId: p.revisionId }, { jobId: jobIds.rendering(p.revisionId, as) });
  }
}
