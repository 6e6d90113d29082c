import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createDataSource,
  ensureUsers,
  findUserIdByUsername,
  FormFile,
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

/** config/ at the top of the repository, from the sources (jest) or from dist/apps/cli. */
export const CONFIG_DIR = process.env.TONGHOP_CONFIG_DIR ?? resolve(__dirname, '..', '..', '..', 'config');

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(CONFIG_DIR, ...parts), 'utf8')) as T;
}

export interface DemoUsersFile {
  password: string;
  users: Array<Omit<UserSpec, 'password'>>;
}

export function demoUsers(units: UnitsFile): UserSpec[] {
  const file = readJson<DemoUsersFile>('demo', 'users.json');
  const officers = units.units.map((u) => ({
    username: `officer-${u.code.toLowerCase()}`,
    role: 'officer' as const,
    fullName: `Cán bộ ${u.name}`,
    unitCode: u.code,
    email: u.email ?? null,
  }));
  return [...file.users, ...officers].map((u) => ({ ...u, password: file.password }));
}

export const DEMO_PASSWORD = (): string => readJson<DemoUsersFile>('demo', 'users.json').password;

export interface SeedSummary {
  units: number;
  usersCreated: number;
  forms: string[];
  historySubmissions: number;
}

/** Loads the Lạng Sơn demo data. Idempotent: a second run changes nothing. */
export async function seedDemo(ds: DataSource): Promise<SeedSummary> {
  const units = readJson<UnitsFile>('demo', 'units.json');
  await upsertUnits(ds, units);
  const usersCreated = await ensureUsers(ds, demoUsers(units));
  const forms = readdirSync(join(CONFIG_DIR, 'forms')).filter((f) => f.endsWith('.json')).sort();
  let templateId = '';
  for (const f of forms) templateId = await installForm(ds, readJson<FormFile>('forms', f));
  await upsertPlans(ds, readJson<PlansFile>('demo', 'plans.json'));
  for (const f of readdirSync(join(CONFIG_DIR, 'reports')).filter((x) => x.endsWith('.json')).sort()) {
    await installReportTemplate(ds, readJson<ReportTemplate>('reports', f));
  }
  const history = await importHistory(ds, templateId, readJson<HistoryFile>('demo', 'history.json'), await findUserIdByUsername(ds, 'admin'));
  return { units: units.units.length, usersCreated, forms, historySubmissions: history };
}

export async function openDatabase(database = 'tonghop'): Promise<{ ds: DataSource; pg: ResolvedPostgres }> {
  const pg = await resolvePostgres({ database, log: (m) => console.log(m) });
  const ds = createDataSource(pg.url);
  await ds.initialize();
  return { ds, pg };
}

export async function runMigrate(): Promise<void> {
  const { ds, pg } = await openDatabase();
  const done = await ds.runMigrations();
  console.log(`Đã áp dụng ${done.length} migration (PostgreSQL: ${pg.source}).`);
  await ds.destroy();
  await pg.stop();
}

export async function runSeed(): Promise<void> {
  const { ds, pg } = await openDatabase();
  await ds.runMigrations();
  const s = await seedDemo(ds);
  console.log(
    `Dữ liệu mẫu: ${s.units} đơn vị, ${s.usersCreated} tài khoản mới, biểu mẫu ${s.forms.join(', ')}, ${s.historySubmissions} báo cáo lịch sử mới.`,
  );
  await ds.destroy();
  await pg.stop();
}
