import type { AppConfig } from '@app/config';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDataSource,
  ensureUsers,
  findUserIdByUsername,
  FormFile,
  formPeriodTypes,
  HistoryFile,
  importHistory,
  installForm,
  installReportTemplate,
  PlansFile,
  resolvePostgres,
  ResolvedPostgres,
  UnitsFile,
  upsertPlans,
  upsertUnits,
  UserSpec,
} from '@app/database';
import type { ReportTemplate } from '@app/domain';
import { DataSource } from 'typeorm';

/** A JSON file of the data folder (TONGHOP_CONFIG_DIR: units, forms, templates, demo figures). */
export function readJsonIn<T>(configDir: string, ...parts: string[]): T {
  return JSON.parse(readFileSync(join(configDir, ...parts), 'utf8')) as T;
}

export interface DemoUsersFile {
  password: string;
  users: Array<Omit<UserSpec, 'password'>>;
}

export function demoUsers(configDir: string, units: UnitsFile): UserSpec[] {
  const file = readJsonIn<DemoUsersFile>(configDir, 'demo', 'users.json');
  const officers = units.units.map((u) => ({
    username: `officer-${u.code.toLowerCase()}`,
    role: 'officer' as const,
    fullName: `Cán bộ ${u.name}`,
    unitCode: u.code,
    email: u.email ?? null,
  }));
  return [...file.users, ...officers].map((u) => ({ ...u, password: file.password }));
}

export const demoPassword = (configDir: string): string => readJsonIn<DemoUsersFile>(configDir, 'demo', 'users.json').password;

export interface SeedSummary {
  units: number;
  usersCreated: number;
  forms: string[];
  historySubmissions: number;
}

/** Loads the Lạng Sơn demo data. Idempotent: a second run changes nothing. */
export async function seedDemo(ds: DataSource, configDir: string): Promise<SeedSummary> {
  const readJson = <T>(...parts: string[]) => readJsonIn<T>(configDir, ...parts);
  const units = readJson<UnitsFile>('demo', 'units.json');
  await upsertUnits(ds, units);
  const usersCreated = await ensureUsers(ds, demoUsers(configDir, units));
  const forms = readdirSync(join(configDir, 'forms')).filter((f) => f.endsWith('.json')).sort();
  // the past months are imported as submissions of the newest monthly form
  let monthlyForm: { id: string; version: number } | null = null;
  for (const f of forms) {
    const file = readJson<FormFile>('forms', f);
    const id = await installForm(ds, file);
    if (formPeriodTypes(file).includes('month') && (!monthlyForm || file.version > monthlyForm.version)) monthlyForm = { id, version: file.version };
  }
  if (!monthlyForm) throw new Error('seed: no monthly form in the data folder');
  await upsertPlans(ds, readJson<PlansFile>('demo', 'plans.json'));
  // the targets of the figures that exist only for a period (GRDP growth …), as plans of the year
  await upsertPlans(ds, withoutNotes(readJson<PlansFile & { notes?: string[] }>('demo', 'period-plans.json')));
  for (const f of readdirSync(join(configDir, 'reports')).filter((x) => x.endsWith('.json')).sort()) {
    await installReportTemplate(ds, readJson<ReportTemplate>('reports', f));
  }
  const history = await importHistory(ds, monthlyForm.id, readJson<HistoryFile>('demo', 'history.json'), await findUserIdByUsername(ds, 'admin'));
  return { units: units.units.length, usersCreated, forms, historySubmissions: history };
}

const withoutNotes = <T extends { notes?: unknown }>(file: T): Omit<T, 'notes'> => {
  const { notes: _notes, ...rest } = file;
  return rest;
};

/** The database as the owner of its tables (DATABASE_MIGRATION_URL, else DATABASE_URL …): for migrate and seed. */
export async function openDatabase(config: AppConfig, log: (m: string) => void = (m) => console.log(m)): Promise<{ ds: DataSource; pg: ResolvedPostgres }> {
  const settings = { ...config, DATABASE_URL: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL };
  const pg = await resolvePostgres({ settings, database: config.TONGHOP_DATABASE, log });
  const ds = createDataSource(pg.url, { poolSize: 4 });
  await ds.initialize();
  return { ds, pg };
}

export async function runMigrate(config: AppConfig): Promise<void> {
  const { ds, pg } = await openDatabase(config);
  const done = await ds.runMigrations();
  console.log(`Đã áp dụng ${done.length} migration (PostgreSQL: ${pg.source}).`);
  await ds.destroy();
  await pg.stop();
}

export async function runSeed(config: AppConfig): Promise<void> {
  const { ds, pg } = await openDatabase(config);
  await ds.runMigrations();
  const s = await seedDemo(ds, config.TONGHOP_CONFIG_DIR);
  console.log(
    `Dữ liệu mẫu: ${s.units} đơn vị, ${s.usersCreated} tài khoản mới, biểu mẫu ${s.forms.join(', ')}, ${s.historySubmissions} báo cáo lịch sử mới.`,
  );
  await ds.destroy();
  await pg.stop();
}
