import { createTestDatabase } from '../../support/test-db';
import { Browser, launchBrowser } from './browser';
import { HarnessOptions, startWebHarness, WebHarness } from './web-harness';

/** What a flow works on: its API with the demo data, its browser. Filled in before the flow's first test. */
export interface WebContext {
  h: WebHarness;
  browser: Browser;
}

/**
 * A flow's own world, set up as the flow says it needs it: a fresh database with the demo data and
 * May 2024 opened (`options`: whose figures are saved, submitted, approved; the worker or not), the
 * API on it, and a browser on a fresh profile (nothing left in localStorage by another flow). Made
 * before the flow's first test and closed after its last, so that any flow runs alone (jest -t)
 * and none depends on what another did before it. Call it inside the flow's describe.
 */
export function flowContext(label: string, options: HarnessOptions): WebContext {
  const ctx = {} as WebContext;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    const started = Date.now();
    database = await createTestDatabase(`web_${label}`);
    ctx.h = await startWebHarness(database.url, options);
    ctx.browser = await launchBrowser();
    console.log(`web test setup of the ${label} flow: ${Date.now() - started} ms`);
  }, 240_000);
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.h?.close();
    await database?.drop();
  });
  return ctx;
}
