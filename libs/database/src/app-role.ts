/**
 * The role the API and the worker act as (`-c role=` on every connection, data-source.ts): it may
 * read and write rows, not change the schema, not UPDATE or DELETE the audit log, the sign-off
 * actions, the recorded hashes, and (by trigger) not touch an issued revision or its files. The
 * migrations (run by the owner) create it when it is missing and grant it what it needs; roles are
 * cluster-wide, so every database of a cluster shares it (a test run's many databases included).
 */
export const APP_ROLE = 'tonghop_app';
