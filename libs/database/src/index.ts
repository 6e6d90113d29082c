export * from './entities';
export * from './data-source';
export * from './postgres-resolver';
export * from './snake-naming.strategy';
export * from './seed';
export * from './repositories/completeness.repository';
export * from './figures';
export * from './group-commit';
