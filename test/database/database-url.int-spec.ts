import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StartupError } from '../../libs/config/src';
import { ensureDatabaseOf, withDatabase } from '../../libs/database/src/postgres-resolver';

/** A DATABASE_URL whose database does not exist yet: created when the user may, else one clear sentence. */
describe('the database of DATABASE_URL', () => {
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  const suffix = randomBytes(4).toString('hex');
  const database = `tonghop_url_${suffix}`;
  const role = `tonghop_nocreate_${suffix}`;
  const admin = new Client({ connectionString: adminUrl });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'x' NOCREATEDB`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('is created when it does not exist and the user may create databases', async () => {
    const lines: string[] = [];
    await ensureDatabaseOf(withDatabase(adminUrl, database), (m) => lines.push(m));
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    expect(rowCount).toBe(1);
    expect(lines.join('\n')).toContain(`creating database "${database}"`);
    await ensureDatabaseOf(withDatabase(adminUrl, database)); // there now: nothing to do
  });

  it('is refused with one sentence, in Vietnamese and English, when the user may not create it', async () => {
    const u = new URL(withDatabase(adminUrl, `${database}_other`));
    u.username = role;
    u.password = 'x';
    const error = await ensureDatabaseOf(u.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toContain(`không được phép tạo cơ sở dữ liệu — user "${role}" may not create databases`);
    expect((error as Error).message).toContain('does not exist and could not be created');
  });

  it('says which server does not answer', async () => {
    const error = await ensureDatabaseOf('postgres://postgres@127.0.0.1:1/tonghop').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/^Không kết nối được PostgreSQL theo DATABASE_URL \(127\.0\.0\.1:1\): .*cannot connect/);
  });
});
