import { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { createTestDatabase } from '../support/test-db';
import { testConfig } from '../support/test-config';

/** The API serves the built web app at `/`, falls back to index.html for the screens' paths, and keeps /api JSON. */
describe('serving the web app', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tonghop-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tổng hợp</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
    database = await createTestDatabase('web_static');
    app = await createApp(testConfig(), database.url, { logger: false, webRoot: root });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for any screen path, not cached', async () => {
    for (const path of ['/', '/don-vi/bao-cao/123', '/review/periods/abc?tab=1']) {
      const res = await request(app.getHttpServer()).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed bundles with a long cache, and a missing file is a 404', async () => {
    const js = await request(app.getHttpServer()).get('/assets/app-1a2b.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    await request(app.getHttpServer()).get('/assets/missing.js').expect(404);
  });

  it('answers a range or a precondition it cannot meet on a file with its 4xx, not a 500', async () => {
    const range = await request(app.getHttpServer()).get('/assets/app-1a2b.js').set('Range', 'bytes=9999-10000').expect(416);
    expect(range.body).toEqual({ statusCode: 416, code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' });
    const precondition = await request(app.getHttpServer()).get('/assets/app-1a2b.js').set('If-Match', '"another"').expect(412);
    expect(precondition.body.code).toBe('BAD_REQUEST');
  });

  it('keeps /api JSON: routes answer as before and an unknown API path is a JSON 404', async () => {
    const health = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(health.headers['content-type']).toMatch(/application\/json/);
    for (const path of ['/api/nope', '/api', '/api/submissions/x/y/z']) {
      const res = await request(app.getHttpServer()).get(path).expect(404);
      expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Không tìm thấy.' });
    }
    const unauth = await request(app.getHttpServer()).get('/api/units').expect(401);
    expect(unauth.body.code).toBe('UNAUTHENTICATED');
  });

  it('serves the API alone when the web app is not built', async () => {
    const bare = await createApp(testConfig(), database.url, { logger: false, webRoot: join(root, 'missing') });
    try {
      const res = await request(bare.getHttpServer()).get('/').expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    } finally {
      await bare.close();
    }
  });
});
