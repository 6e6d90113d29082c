import { createTestDatabase } from '../support/test-db';
import { adminScreens } from './flows/admin-screens';
import { formResilience } from './flows/form-resilience';
import { FOREST, monthFlow, SOWN } from './flows/month-flow';
import { reportFlow } from './flows/report-flow';
import { launchBrowser } from './support/browser';
import type { WebContext } from './support/web-context';
import { ensureWebBuilt, startWebHarness } from './support/web-harness';

jest.setTimeout(60_000);

/**
 * The web interface in Debian's Chromium, on the API with the Lạng Sơn demo data and May 2024
 * open, and the real worker beside it: one database, one server, one browser for all the flows (they run in this order). The
 * screenshots go to test/output/screenshots/, the typing latency to test/output/typing-latency.json.
 */
describe('web interface', () => {
  const ctx = {} as WebContext;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    const started = Date.now();
    const build = ensureWebBuilt();
    database = await createTestDatabase('web');
    ctx.h = await startWebHarness(database.url, {
      prefill: { SNN: [FOREST, SOWN], CA: [] },
      submitted: ['CTK', 'STC', 'SCT', 'SXD', 'SYT', 'HQ', 'CTHUE', 'SGDDT'],
      approved: ['CTK', 'STC', 'SCT', 'SXD'],
      worker: true,
    });
    ctx.browser = await launchBrowser();
    console.log(`web test setup: ${Date.now() - started} ms${build.built ? ` (of which building the web app ${build.ms} ms)` : ''}`);
  }, 240_000);

  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.h?.close();
    await database?.drop();
  });

  describe('an officer and a reviewer through one month', () => monthFlow(ctx));
  describe('the officer form under real conditions (the largest unit form)', () => formResilience(ctx));
  describe('the consolidated report: draft, edit, send, sign; the inbox', () => reportFlow(ctx));
  describe('the administrator', () => adminScreens(ctx)); // last: it leaves the interface in English
});
