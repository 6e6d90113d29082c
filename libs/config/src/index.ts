export * from './env';
export * from './data-files';
export * from './startup-error';
