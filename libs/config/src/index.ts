export * from './env';
export * from './config.module';
export * from './data-files';
export * from './signing-keys';
