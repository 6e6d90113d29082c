export * from './env';
export * from './config.module';
export * from './data-files';
export * from './startup-error';
export * from './signing-keys';
