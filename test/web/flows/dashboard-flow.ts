import type { IndicatorCatalogueItem, IndicatorSeriesView } from '../../../libs/contracts/src';
import { checkA11y } from '../support/a11y';
import { shoot, signIn } from '../support/browser';
import { checkPhone } from '../support/phone';
import { flowContext } from '../support/web-context';
import { FOREST } from './month-flow';

/**
 * The vice-chairman's dashboard on the demo data with May 2024 approved: the key indicators of the
 * month as small multiples, whose charts plot exactly what the series route answers; the figures
 * and sources behind a chart; the year's timeliness; and the same page on a phone.
 */
export function dashboardFlow(): void {
  const ctx = flowContext('dashboard', {});
  const h = () => ctx.h;

  it('opens on the signer’s dashboard with the real figures of May 2024, each chart the series route’s data', async () => {
    await h().approveAll();
    const signer = await signIn(ctx.browser.context, h().origin, 'signer', h().password);
    await signer.getByTestId('dashboard').waitFor();
    const key = await h().api.call<IndicatorCatalogueItem[]>(await h().token('signer'), 'GET', '/indicators/key');
    const cards = signer.getByTestId('kpi-card');
    await cards.nth(key.length - 1).waitFor();
    expect(await cards.count()).toBe(key.length);
    for (const [n, indicator] of key.entries()) {
      const card = cards.nth(n);
      expect(await card.getAttribute('data-code')).toBe(indicator.code);
      const plotted = JSON.parse((await card.getAttribute('data-points'))!);
      const route = await h().api.call<IndicatorSeriesView>(await h().token('signer'), 'GET', `/indicators/${indicator.code}/series?from=2022-06&to=2024-05`);
      expect(plotted).toEqual(route.series[0].points.map((p) => ({ period: p.period, value: p.value })));
      // and the chart drew them: one point of the line per month
      expect(await card.getByTestId('kpi-trend').locator('svg').count()).toBe(1);
    }
    const forest = signer.locator(`[data-testid="kpi-card"][data-code="${FOREST}"]`);
    expect(await forest.getByTestId('kpi-month-value').textContent()).toBe('710,83');
    await forest.getByText(/^Lũy kế 5\.000(,00)? \/ kế hoạch 9\.010$/).waitFor();
    await forest.getByRole('progressbar').filter({ hasText: '55,5%' }).waitFor();
    await signer.getByTestId('timeliness-heatmap').locator('svg').waitFor();
    await shoot(signer, '21-dashboard', true);

    await forest.getByTestId('kpi-open').click();
    const drawer = signer.getByTestId('series-drawer');
    await drawer.getByText('Sở Nông nghiệp và Phát triển nông thôn').waitFor();
    await drawer.getByTestId('series-source').first().waitFor();
    await shoot(signer, '22-dashboard-sources');
    await drawer.getByTestId('series-source').first().click();
    await signer.getByTestId('review-page').waitFor();
    expect(signer.url()).toContain(`/review/${h().submissions.get('SNN')}`);
    await checkA11y(signer, '23-review-from-dashboard');

    await signer.goto(`${h().origin}/dashboard`);
    await checkPhone(signer, '21-dashboard', () => signer.getByTestId('kpi-card').first().waitFor());
  });
}
