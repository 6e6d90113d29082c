import type { DataSource, EntityManager } from 'typeorm';

/**
 * What a repository function runs on: the DataSource for a statement of its own, or the
 * EntityManager of the caller's transaction when the statement must commit with the caller's change.
 */
export type Queryable = DataSource | EntityManager;
