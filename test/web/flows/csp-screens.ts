import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../support/browser';
import { flowContext } from '../support/web-context';
import { waitFor } from '../../support/wait';

interface Violation {
  page: string;
  directive: string;
  blocked: string;
}

/**
 * Every screen under the Content-Security-Policy the API sends in production (the same in every
 * environment: apps/api/src/web/security-headers.ts), with every violation the browser reports
 * recorded: the `securitypolicyviolation` events, seen from a script the test adds outside the
 * page's policy, and the "Refused to …" console errors.
 */
export function cspScreens(): void {
  const ctx = flowContext('csp', { submitted: ['CTK', 'STC', 'SNN'], approved: ['CTK'] });
  const h = () => ctx.h;
  const violations: Violation[] = [];
  const visited: string[] = [];

  const watch = async (context: BrowserContext) => {
    await context.exposeBinding('__cspViolation', ({ page }, v: Omit<Violation, 'page'>) => violations.push({ page: page.url(), ...v }));
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation: (v: object) => void }).__cspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      ),
    );
  };
  const follow = (page: Page) => page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && violations.push({ page: page.url(), directive: 'console', blocked: m.text() }));

  const visit = async (page: Page, path: string, ready: string | null) => {
    await page.goto(`${h().origin}${path}`);
    await page.getByTestId('current-user').waitFor();
    if (ready) await page.getByTestId(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    visited.push(path);
  };

  it('loads every screen with the production CSP and records no violation', async () => {
    const context = ctx.browser.context;
    await watch(context);
    context.on('page', follow);
    const headers = (await (await context.request.get(`${h().origin}/`)).headers())['content-security-policy'];
    expect(headers).toContain("script-src 'self'");
    expect(headers).toContain("frame-ancestors 'none'");
    const period = (await h().api.call<Array<{ id: string; number: number; year: number }>>(await h().token('admin'), 'GET', '/periods')).find((p) => p.year === 2024 && p.number === 5)!;

    const officer = await signIn(context, h().origin, 'officer-snn', h().password); // the login screen is the first one
    await visit(officer, '/unit', 'officer-home');
    await visit(officer, `/unit/submissions/${h().submissions.get('SNN')}`, 'form-page');
    await visit(officer, '/inbox', 'inbox-page');
    await visit(officer, '/verify', 'verify-page');
    await visit(officer, '/account/password', 'change-password-page');

    const reviewer = await signIn(context, h().origin, 'reviewer', h().password);
    await visit(reviewer, '/board', 'period-board');
    await visit(reviewer, `/board/${period.id}`, 'period-board');
    await visit(reviewer, `/review/${h().submissions.get('STC')}`, 'review-page');
    await visit(reviewer, '/reports', 'reports-page');
    await visit(reviewer, '/dashboard', 'dashboard');
    await visit(reviewer, `/dashboard/${period.id}`, 'dashboard');
    await visit(reviewer, '/no-such-screen', null);

    const admin = await signIn(context, h().origin, 'admin', h().password);
    await visit(admin, '/admin/periods', 'periods-page');
    await visit(admin, '/admin/units', 'units-page');
    await visit(admin, '/admin/users', 'users-page');
    await visit(admin, '/admin/forms', 'forms-page');
    await admin.getByTestId('forms-page').getByRole('link').first().click();
    await admin.getByTestId('form-template-page').waitFor();
    await admin.waitForLoadState('networkidle');
    visited.push('/admin/forms/:id');

    expect(violations).toEqual([]);
    expect(visited).toHaveLength(17); // and the login screen, three times
    // the recording works: an inline script is refused and seen
    await admin.addScriptTag({ content: 'window.__injected = 1' }).catch(() => undefined);
    await waitFor(async () => violations.length > 0, 5000, 'the refused inline script to be recorded');
    expect(violations[0]).toMatchObject({ directive: expect.stringMatching(/^script-src|console$/) });
    expect(await admin.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  }, 180_000);
}
