export * from './month-range';
export * from './derive-series';
