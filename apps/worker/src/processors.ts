import { cappedBackoff, LockSettings, QUEUES, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import { ConsolidationProcessor } from './consolidation/consolidation.processor';
import { EventsProcessor } from './events/events.processor';
import { EmailProcessor } from './notifications/email.processor';
import { RemindersProcessor } from './reminders/reminders.processor';
import { RenderingProcessor } from './rendering/rendering.processor';
import { SweepProcessor } from './recovery/sweep.processor';

/** Every processor of the worker: its queue, and how many of its jobs one process runs at once. */
const PROCESSORS: ReadonlyArray<readonly [Type, QueueName, number]> = [
  [EventsProcessor, QUEUES.events, 8],
  [RemindersProcessor, QUEUES.reminders, 16],
  [EmailProcessor, QUEUES.notifications, 4],
  // one consolidation at a time: each reads every approved submission of a period
  [ConsolidationProcessor, QUEUES.consolidation, 1],
  // one rendering at a time: LibreOffice's profile serves one conversion at a time
  [RenderingProcessor, QUEUES.rendering, 1],
  [SweepProcessor, QUEUES.maintenance, 1],
];

/** The processor classes (for whoever listens to their workers). */
export const PROCESSOR_TYPES: readonly Type[] = PROCESSORS.map(([processor]) => processor);

/**
 * The processors, declared with the lock settings of the configuration. BullMQ takes a worker's
 * options from the @Processor decorator only, which runs when the class is defined, before any
 * configuration is loaded; applying the same public decorator here, when the module is built, gives
 * every processor the configured lock (a crashed worker's job is taken over once it lapses).
 */
export function configuredProcessors(lock: LockSettings): Type[] {
  return PROCESSORS.map(([processor, queue, concurrency]) => {
    Processor(queue, { concurrency, ...lock, settings: { backoffStrategy: cappedBackoff } })(processor);
    return processor;
  });
}
