import { AppConfig, StartupError } from '@app/config';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDataSource,
  ensureUsers,
  findUserIdByUsername,
  insertFirstAdministrator,
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
import { hashPassword } from '@app/security';
import { randomBytes } from 'node:crypto';
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
  return [...file.users, ...officers].map((u) => ({ ...u, password: file.password, isDemo: true }));
}

export const demoPassword = (configDir: string): string => readJsonIn<DemoUsersFile>(configDir, 'demo', 'users.json').password;

export interface ReferenceSummary {
  units: number;
  forms: string[];
  monthlyForm: { id: string; version: number };
}

export interface SeedSummary {
  units: number;
  usersCreated: number;
  forms: string[];
  historySubmissions: number;
}

/**
 * `npm run seed`: the reference data a real province starts from (the units, the forms, the report
 * templates; the calendar is read from its file). No account: a deployment creates its first
 * administrator with `create-admin`. Idempotent.
 */
export async function seedReference(ds: DataSource, configDir: string): Promise<ReferenceSummary> {
  const readJson = <T>(...parts: string[]) => readJsonIn<T>(configDir, ...parts);
  const units = readJson<UnitsFile>('demo', 'units.json');
  await upsertUnits(ds, units);
  const forms = readdirSync(join(configDir, 'forms')).filter((f) => f.endsWith('.json')).sort();
  // the past months are imported as submissions of the newest monthly form
  let monthlyForm: { id: string; version: number } | null = null;
  for (const f of forms) {
    const file = readJson<FormFile>('forms', f);
    const id = await installForm(ds, file);
    if (formPeriodTypes(file).includes('month') && (!monthlyForm || file.version > monthlyForm.version)) monthlyForm = { id, version: file.version };
  }
  if (!monthlyForm) throw new Error('seed: no monthly form in the data folder');
  for (const f of readdirSync(join(configDir, 'reports')).filter((x) => x.endsWith('.json')).sort()) {
    await installReportTemplate(ds, readJson<ReportTemplate>('reports', f));
  }
  return { units: units.units.length, forms, monthlyForm };
}

/**
 * The demo (`npm run demo`, the tests): the reference data, then the demo accounts with the
 * published password, the plans and the past months' figures. Idempotent: a second run changes nothing.
 */
export async function seedDemo(ds: DataSource, configDir: string): Promise<SeedSummary> {
  const readJson = <T>(...parts: string[]) => readJsonIn<T>(configDir, ...parts);
  const { forms, monthlyForm } = await seedReference(ds, configDir);
  const units = readJson<UnitsFile>('demo', 'units.json');
  const usersCreated = await ensureUsers(ds, demoUsers(configDir, units));
  await upsertPlans(ds, readJson<PlansFile>('demo', 'plans.json'));
  // the targets of the figures that exist only for a period (GRDP growth …), as plans of the year
  await upsertPlans(ds, withoutNotes(readJson<PlansFile & { notes?: string[] }>('demo', 'period-plans.json')));
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
  const s = await seedReference(ds, config.TONGHOP_CONFIG_DIR);
  console.log(`Dữ liệu danh mục: ${s.units} đơn vị, biểu mẫu ${s.forms.join(', ')}, mẫu báo cáo. Không tạo tài khoản nào (no account is created).`);
  await ds.destroy();
  await pg.stop();
}

/**
 * `create-admin <username> [full name]`: the first administrator of a deployment, with a random
 * one-time password printed once; the first login must replace it.
 */
export async function runCreateAdmin(config: AppConfig, username: string | undefined, fullName = 'Quản trị hệ thống'): Promise<void> {
  if (!username || !/^[a-z0-9][a-z0-9._-]{2,62}$/.test(username)) {
    throw new StartupError('Cách dùng: create-admin <tên đăng nhập: chữ thường, số, . _ -> ["Họ và tên"]');
  }
  const { ds, pg } = await openDatabase(config);
  try {
    await ds.runMigrations();
    const password = randomBytes(18).toString('base64url');
    const id = await insertFirstAdministrator(ds, { username, fullName, passwordHash: await hashPassword(password) });
    if (!id) throw new StartupError(`Tài khoản "${username}" đã có (already exists); không thay đổi gì.`);
    console.log(`Đã tạo quản trị viên "${username}". Mật khẩu dùng một lần (one-time password, change it at first login): ${password}`);
  } finally {
    await ds.destroy();
    await pg.stop();
  }
}
