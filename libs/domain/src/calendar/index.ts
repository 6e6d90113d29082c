export * from './iso-date';
export * from './working-calendar';
export * from './vn-time';
export * from './deadline';
