export * from './period-figures';
export * from './consolidation-input';
export * from './period-assembly';
export * from './period-input';
