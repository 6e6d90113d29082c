import type { SubmissionView } from '@app/contracts';
import type { Page } from 'playwright-core';
import { row, shoot, signIn } from '../support/browser';
import { flowContext } from '../support/web-context';
import { FOREST } from './month-flow';

/**
 * Estimates and official figures in the browser: the officer of the Sở Tài chính, whose May report
 * is approved, sends May's official budget revenue with its source; the office approves it on the
 * review page; the figure becomes the approved one, marked official. The officer of the Sở Nông
 * nghiệp marks a figure of the draft as preliminary beside it, and it is saved with the figures.
 */
export function officialFlow(): void {
  const ctx = flowContext('official', { prefill: { SNN: [] }, submitted: ['STC'], approved: ['STC'] });
  const h = () => ctx.h;
  let officer: Page;
  const view = async (unit: string, username: string) =>
    h().api.call<SubmissionView>(await h().token(username), 'GET', `/submissions/${h().submissions.get(unit)}`);

  it('lets the officer send an official version of an approved figure, with its source', async () => {
    const stc = h().submissions.get('STC')!;
    officer = await signIn(ctx.browser.context, h().origin, 'officer-stc', h().password, `/unit/submissions/${stc}`);
    const panel = officer.getByTestId('official-figures');
    await panel.waitFor();
    await panel.getByTestId('official-indicator').click();
    await officer.keyboard.type('Tổng thu ngân sách');
    await officer.keyboard.press('Enter');
    await panel.getByTestId('official-value').fill('812,4');
    await panel.getByTestId('official-reason').fill('Số liệu chính thức của Kho bạc Nhà nước tỉnh');
    await panel.getByTestId('official-send').click();
    await panel.getByText('Chờ duyệt').waitFor();
    await shoot(officer, '40-officer-official-figure');
    const v = await view('STC', 'officer-stc');
    expect(v.figureRevisions[0]).toMatchObject({ indicatorCode: 'budget_revenue', value: '812.4', status: 'official', state: 'submitted' });
  });

  it('lets the office approve it: the approved figure is now the official one', async () => {
    const reviewer = await signIn(ctx.browser.context, h().origin, 'reviewer', h().password, `/review/${h().submissions.get('STC')}`);
    const panel = reviewer.getByTestId('official-figures');
    await panel.getByTestId('official-approve').click();
    await panel.getByText('Đã duyệt').waitFor();
    await shoot(reviewer, '41-reviewer-official-figure-approved');
    const v = await view('STC', 'reviewer');
    expect(v.values.find((x) => x.indicatorCode === 'budget_revenue')).toMatchObject({ value: '812.4', status: 'official' });
  });

  it('lets an officer mark a draft figure’s status beside it, saved with the figures', async () => {
    const snn = await signIn(ctx.browser.context, h().origin, 'officer-snn', h().password, `/unit/submissions/${h().submissions.get('SNN')}`);
    await snn.getByTestId('form-page').waitFor();
    await snn.locator(`${row(FOREST)} select[data-field="status"]`).selectOption('preliminary');
    await snn.getByTestId('save-state').filter({ hasText: 'Đã lưu lúc' }).waitFor();
    const v = await view('SNN', 'officer-snn');
    expect(v.values.find((x) => x.indicatorCode === FOREST)!.status).toBe('preliminary');
  });

  it('shows the officer of a six-month form where each month stands, each linked to its form', async () => {
    const admin = await h().token('admin');
    const half = await h().api.call<{ id: string }>(admin, 'POST', '/periods', { type: 'half_year', year: 2024, number: 1 });
    const ctkToken = await h().token('officer-ctk');
    const [form] = await h().api.call<Array<{ id: string }>>(ctkToken, 'GET', `/submissions?periodId=${half.id}`);
    const ctk = await signIn(ctx.browser.context, h().origin, 'officer-ctk', h().password, `/unit/submissions/${form.id}`);
    const states = ctk.getByTestId('month-states');
    await states.waitFor();
    const tags = states.getByTestId('month-state');
    expect(await tags.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-month')}:${e.getAttribute('data-state')}`))).toEqual([
      '1:approved', '2:approved', '3:approved', '4:approved', '5:draft', '6:none',
    ]);
    await expect(tags.nth(5).textContent()).resolves.toContain('chưa mở');
    await shoot(ctk, '42-officer-half-year-months');
    await tags.nth(4).click();
    await ctk.waitForURL(/\/unit\/submissions\/[0-9a-f-]{36}$/);
    expect(ctk.url()).not.toContain(form.id);
    await ctk.getByTestId('form-page').waitFor();
  });
}
