import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import {
  createDataSource,
  ensureUsers,
  FormFile,
  importHistory,
  installForm,
  upsertPlans,
  upsertUnits,
} from '../../libs/database/src';
import { createApp } from '../../apps/api/src/app.factory';
import type { Clock } from '../../libs/queue/src';
import testForm from '../fixtures/test-form.json';
import { dropQueueKeys } from './redis-keys';
import { createTestDatabase } from './test-db';
import { testConfig } from './test-config';
import { TEST_REDIS_URL } from './test-redis';

export const PASSWORD = 'Test@2024!';

export const TEST_USERS = [
  { username: 'admin', role: 'admin' as const, fullName: 'Quản trị' },
  { username: 'reviewer', role: 'reviewer' as const, fullName: 'Chuyên viên Văn phòng' },
  { username: 'signer', role: 'signer' as const, fullName: 'Phó Chủ tịch' },
  { username: 'officer-sa', role: 'officer' as const, fullName: 'Cán bộ SA', unitCode: 'SA' },
  { username: 'officer-sb', role: 'officer' as const, fullName: 'Cán bộ SB', unitCode: 'SB' },
];

export { TEST_REDIS_URL };

export const randomQueuePrefix = (label: string) => `tonghop-test-${label}-${randomBytes(4).toString('hex')}`;

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  http: () => TestAgent;
  token: (username: string) => Promise<string>;
  close: () => Promise<void>;
}

/**
 * A real API on a real Postgres database of its own: two units (SA, SB), the test form,
 * plans for 2024 and approved history for January–April 2024 and January–May 2023.
 */
export async function startTestApp(
  label: string,
  options: { clock?: Clock; redisUrl?: string; /** a migrated database of the test's own (default: a clone of the template) */ database?: { url: string; drop: () => Promise<void> } } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase(label));
  const db = createDataSource(database.url);
  await db.initialize();
  await upsertUnits(db, {
    province: 'Test',
    units: [
      { code: 'SA', name: 'Sở A', kind: 'department', effectiveFrom: '2020-01-01' },
      { code: 'SB', name: 'Sở B', kind: 'department', effectiveFrom: '2020-01-01' },
    ],
  });
  await ensureUsers(db, TEST_USERS.map((u) => ({ ...u, password: PASSWORD })));
  const templateId = await installForm(db, testForm as FormFile);
  await upsertPlans(db, { '2024': { forest: 9009, sown: 48463 } });
  const month = (unit: string, year: number, m: number, values: Record<string, number>) => ({ unit, year, month: m, values });
  await importHistory(
    db,
    templateId,
    {
      submissions: [
        month('SA', 2024, 1, { forest: 1200 }),
        month('SA', 2024, 2, { forest: 1100.17 }),
        month('SA', 2024, 3, { forest: 1000 }),
        month('SA', 2024, 4, { forest: 989 }),
        month('SA', 2023, 5, { sown: 46600, buffalo: 62620 }),
        month('SB', 2024, 1, { retail: 2900 }),
        month('SB', 2024, 2, { retail: 2950 }),
        month('SB', 2024, 3, { retail: 2960 }),
        month('SB', 2024, 4, { retail: 2978.7 }),
        ...[1, 2, 3, 4, 5].map((m) => month('SB', 2023, m, { retail: 2604.5 })),
      ],
    },
    null,
  );
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const queuePrefix = randomQueuePrefix(label);
  const app = await createApp(testConfig(), database.url, { logger: false, redisUrl, queuePrefix, clock: options.clock });
  await app.init();
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  return {
    app,
    db,
    databaseUrl: database.url,
    redisUrl,
    queuePrefix,
    http,
    token: async (username: string) => {
      let t = tokens.get(username);
      if (!t) {
        const res = await http().post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
        t = res.body.accessToken as string;
        tokens.set(username, t);
      }
      return t;
    },
    close: async () => {
      await app.close();
      await db.destroy();
      await database.drop();
      await dropQueueKeys(redisUrl, queuePrefix);
    },
  };
}
