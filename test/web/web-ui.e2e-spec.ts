import { adminScreens } from './flows/admin-screens';
import { cspScreens } from './flows/csp-screens';
import { dashboardFlow } from './flows/dashboard-flow';
import { formResilience } from './flows/form-resilience';
import { monthFlow } from './flows/month-flow';
import { officialFlow } from './flows/official-flow';
import { referenceScreens } from './flows/reference-screens';
import { reportFlow } from './flows/report-flow';
import { unitsFlow } from './flows/units-flow';
import { ensureWebBuilt } from './support/web-harness';

jest.setTimeout(60_000);

/**
 * The web interface in Debian's Chromium, on the API with the Lạng Sơn demo data and May 2024 open.
 * Each flow has a database, a server (and the real worker, if it needs one) and a browser of its own,
 * set up as it needs them (test/web/support/web-context.ts): any one runs alone, e.g.
 * `npx jest test/web -t 'the administrator'`. The screenshots go to test/output/screenshots/, the
 * typing latency to test/output/typing-latency.json.
 */
describe('web interface', () => {
  beforeAll(() => {
    const build = ensureWebBuilt();
    if (build.built) console.log(`built the web app in ${build.ms} ms`);
  }, 240_000);

  describe('an officer and a reviewer through one month', () => monthFlow());
  describe('the officer form under real conditions (the largest unit form)', () => formResilience());
  describe('the consolidated report: draft, edit, send, sign; the inbox', () => reportFlow());
  describe('the administrator', () => adminScreens());
  describe('the leadership dashboard', () => dashboardFlow());
  describe('estimates and official figures', () => officialFlow());
  describe('the reference data: calendar, plans, form versions', () => referenceScreens());
  describe('the administrator restructures units', () => unitsFlow());
  describe('every screen under the production Content-Security-Policy', () => cspScreens());
});
