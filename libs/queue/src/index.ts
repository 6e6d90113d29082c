export * from './queues';
export * from './redis-resolver';
export * from './outbox';
export * from './clock';
export * from './redrive';
