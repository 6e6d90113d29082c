import type { Browser } from './browser';
import type { WebHarness } from './web-harness';

/** What the flows share: one API with the demo data, one browser. Filled in by the spec's beforeAll. */
export interface WebContext {
  h: WebHarness;
  browser: Browser;
}
