export * from './decimal';
export * from './errors';
export * from './vn-number';
export * from './workflow';
export * from './derived';
export * from './period';
export * from './indicator-rules';
export * from './report';
