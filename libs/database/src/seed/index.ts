export * from './seed';
export * from './seed-types';
export * from './report-template';
