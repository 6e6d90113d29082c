export * from './period-figures';
export * from './consolidation-input';
