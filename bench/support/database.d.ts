/** Types of database.js, for the TypeScript benches. */
export function benchDatabaseUrl(name: string): string;
export function freshMigratedDatabase(name: string): Promise<string>;
export function recreateDatabase(name: string, adminUrl?: string): Promise<void>;
