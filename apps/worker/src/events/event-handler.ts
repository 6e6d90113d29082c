import type { EventJob, OutboxEventType } from '@app/queue';

/**
 * Something that must happen when a domain event occurs (notify people, start consolidation …).
 * Handlers must be idempotent: an event can be delivered more than once.
 */
export interface EventHandler {
  readonly handles: readonly OutboxEventType[];
  handle(event: EventJob): Promise<void>;
}

export const EVENT_HANDLERS = Symbol('EVENT_HANDLERS');
