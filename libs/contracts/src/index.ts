/**
 * The API's answers, as its response DTOs implement them and the web reads them: one definition
 * for both sides. Types only — no Nest, no decorators, no I/O — so the web bundles none of it.
 */
export * from './decimal-string';
export * from './exchange';
export * from './figures';
export * from './forms';
export * from './notifications';
export * from './people';
export * from './periods';
export * from './reports';
export * from './submissions';
export * from './health';
