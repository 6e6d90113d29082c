import { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { dropQueueKeys } from '../support/redis-keys';
import { randomQueuePrefix } from '../support/test-app';
import { testConfig } from '../support/test-config';
import { createTestDatabase } from '../support/test-db';
import { TEST_REDIS_URL } from '../support/test-redis';

/** Security headers on every answer, and what a production start keeps to itself (OpenAPI docs, source maps). */
describe('security headers and surface', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let web: string;
  const prefix = randomQueuePrefix('headers');
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('headers');
    // a built web app in miniature: the page, a bundle and its source map
    web = mkdtempSync(join(tmpdir(), 'tonghop-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map');
    writeFileSync(join(web, 'assets', 'app.js.map'), '{"version":3,"sources":["src/main.tsx"],"mappings":""}');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(web, { recursive: true, force: true });
    await dropQueueKeys(TEST_REDIS_URL, prefix);
    await db.drop();
  });

  const start = async (overrides: Record<string, string>) => {
    const app = await createApp(testConfig(overrides), db.url, { logger: false, redisUrl: TEST_REDIS_URL, queuePrefix: prefix, webRoot: web });
    apps.push(app);
    return () => request(app.getHttpServer());
  };

  it('sends a strict CSP, frame-ancestors none, nosniff and DENY on the page and on the API; no HSTS over plain http', async () => {
    const http = await start({});
    for (const path of ['/', '/board', '/api/health', '/api/units']) {
      const res = await http().get(path);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    // outside production the docs and source maps are there for developers
    await http().get('/api/docs').expect(200);
    await http().get('/assets/app.js.map').expect(200);
  });

  it('in production behind TLS: HSTS, upgrade-insecure-requests; no OpenAPI docs and no source maps unless configured', async () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'security-headers-test-secret-0123456789abcdef',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      PUBLIC_URL: 'https://baocao.langson.gov.vn',
    };
    const http = await start(production);
    const res = await http().get('/api/health').expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    await http().get('/api/docs').expect(404);
    await http().get('/api/docs-json').expect(404);
    await http().get('/assets/app.js.map').expect(404);
    await http().get('/assets/app.js').expect(200);
    // the API's connections carry the timeouts of its configuration
    const [statement] = await apps.at(-1)!.get(DataSource).query(`SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`);
    expect(statement).toEqual({ s: '30s', i: '1min' });
    const configured = await start({ ...production, API_DOCS: 'true', WEB_SOURCE_MAPS: 'true' });
    await configured().get('/api/docs').expect(200);
    await configured().get('/assets/app.js.map').expect(200);
  });
});
