export * from './env';
export * from './data-files';
