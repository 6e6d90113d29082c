export * from './lineage';
export * from './restructuring';
