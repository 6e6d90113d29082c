export * from './seed';
export * from './seed-types';
