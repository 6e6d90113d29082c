import type { Page } from 'playwright-core';
import { derivedCell, row, shoot, signIn, typeInto, valueInput } from '../support/browser';
import { checkPhone } from '../support/phone';
import { flowContext } from '../support/web-context';

export const FOREST = 'new_forest_planted';
export const SOWN = 'winter_spring_sown_area';
const COMMENT = 'Số liệu trồng rừng tháng 5 chưa khớp báo cáo của Hạt Kiểm lâm, đề nghị kiểm tra lại.';

/**
 * The month as people live it, in a real browser: the officer of the Sở Nông nghiệp types the last
 * figures the Vietnamese way, meets a validation message, fixes it and submits; the office returns
 * it with a comment on one figure; the officer sees the comment by the figure, fixes and resubmits;
 * the office sees what changed and approves.
 */
export function monthFlow(): void {
  // SNN has typed all but the two figures the officer types here; the board looks like mid-month
  const ctx = flowContext('month', {
    prefill: { SNN: [FOREST, SOWN] },
    submitted: ['CTK', 'STC', 'SCT', 'SXD', 'SYT', 'HQ', 'CTHUE', 'SGDDT'],
    approved: ['CTK', 'STC', 'SCT', 'SXD'],
  });
  let officer: Page;
  let reviewer: Page;
  const h = () => ctx.h;
  const browser = () => ctx.browser;
  const snn = () => ctx.h.submissions.get('SNN')!;

  it('shows the officer their unit’s forms with state, deadline and days left', async () => {
    officer = await signIn(browser().context, h().origin, 'officer-snn', h().password);
    await officer.getByTestId('officer-home').waitFor();
    const current = officer.locator('.current-card');
    await current.getByText('Tháng 5/2024').waitFor();
    expect(await current.getByTestId('state-tag').getAttribute('data-state')).toBe('draft');
    expect(await current.getByTestId('deadline').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} · còn 2 ngày$/);
    await shoot(officer, '01-officer-home');
    await checkPhone(officer, '01-officer-home', () => officer.locator('.current-card').waitFor());
  });

  it('derives figures as the officer types Vietnamese numbers, flags a bad one with the server’s code, saves and submits', async () => {
    await officer.locator('.current-card').getByRole('button', { name: 'Nhập số liệu' }).click();
    await officer.getByTestId('form-page').waitFor();

    await typeInto(officer, valueInput(FOREST), '710,8x');
    await officer.locator(`tr[data-messages-for="${FOREST}"] .msg-error[data-code="INVALID_NUMBER"]`).waitFor();
    expect(await officer.locator(valueInput(FOREST)).getAttribute('aria-invalid')).toBe('true');
    await shoot(officer, '03-officer-form-invalid');

    await typeInto(officer, valueInput(FOREST), '710,83');
    // lũy kế 5 tháng 5.000 ha, đạt 55,5% kế hoạch — the sentence of the May 2024 report
    await officer.locator(derivedCell(FOREST, 'cumulative')).filter({ hasText: /^5\.000(,00)?$/ }).waitFor();
    await officer.locator(derivedCell(FOREST, 'planPct')).filter({ hasText: '55,5%' }).waitFor();
    expect(await officer.locator(`tr[data-messages-for="${FOREST}"]`).count()).toBe(0);

    await typeInto(officer, valueInput(SOWN), '47393');
    await officer.keyboard.press('Enter'); // to the next figure; the one left is shown as understood
    expect(await officer.locator(valueInput(SOWN)).inputValue()).toBe('47.393');
    await officer.locator(derivedCell(SOWN, 'samePeriod')).filter({ hasText: '+1,7%' }).waitFor();

    await officer.getByTestId('save-state').filter({ hasText: 'Đã lưu lúc' }).waitFor();
    await shoot(officer, '02-officer-form');

    await officer.getByTestId('submit').click();
    await officer.locator('.ant-modal-confirm').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await officer.locator('[data-testid="state-tag"][data-state="submitted"]').waitFor();
    expect(await officer.locator(valueInput(FOREST)).isDisabled()).toBe(true);
  });

  it('lets the office see the whole period at a glance and return the form with a comment on one figure', async () => {
    reviewer = await signIn(browser().context, h().origin, 'reviewer', h().password);
    await reviewer.getByTestId('period-board').waitFor();
    await reviewer.getByTestId('open-SNN').waitFor();
    const snnRow = reviewer.locator('tr.board-row', { has: reviewer.getByTestId('open-SNN') });
    expect(await snnRow.getByTestId('state-tag').getAttribute('data-state')).toBe('submitted');
    await snnRow.getByText('Đúng hạn').waitFor();
    await shoot(reviewer, '04-period-board');

    await reviewer.getByTestId('open-SNN').click();
    await reviewer.getByTestId('review-page').waitFor();
    await reviewer.getByTestId(`comment-${FOREST}`).click();
    await reviewer.getByTestId(`comment-text-${FOREST}`).fill(COMMENT);
    await reviewer.getByTestId('return').click();
    await reviewer.getByTestId('confirm-return').click(); // no reason yet: refused on the spot
    await reviewer.getByText('RETURN_REASON_REQUIRED').waitFor();
    await reviewer.getByTestId('return-reason').fill('Đề nghị rà soát lại số liệu lâm nghiệp trước khi tổng hợp.');
    await shoot(reviewer, '05-review-return-dialog');
    await reviewer.getByTestId('confirm-return').click();
    await reviewer.locator('[data-testid="state-tag"][data-state="returned"]').waitFor();
  });

  it('shows the officer the reason and the comment next to the figure; they fix it and resubmit', async () => {
    await officer.reload();
    await officer.getByTestId('returned-notice').getByText('Đề nghị rà soát lại số liệu lâm nghiệp').waitFor();
    await officer.locator(`tr[data-messages-for="${FOREST}"] .msg-comment`).filter({ hasText: COMMENT }).waitFor();
    await shoot(officer, '06-officer-returned');

    await typeInto(officer, valueInput(FOREST), '712,5');
    await officer.locator(derivedCell(FOREST, 'cumulative')).filter({ hasText: /^5\.001,67$/ }).waitFor();
    await officer.getByTestId('submit').click();
    await officer.locator('.ant-modal-confirm').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await officer.locator('[data-testid="state-tag"][data-state="submitted"]').waitFor();
  });

  it('shows the office what changed since the return, and lets it approve', async () => {
    await reviewer.reload();
    await reviewer.getByTestId('changed-count').filter({ hasText: '1 số liệu đã sửa' }).waitFor();
    await reviewer.locator(`${row(FOREST)} .changed-note`).filter({ hasText: 'đã sửa từ 710,83' }).waitFor();
    await shoot(reviewer, '07-review-changes');
    await reviewer.getByTestId('approve').click();
    await reviewer.locator('.ant-modal-confirm').getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await reviewer.locator('[data-testid="state-tag"][data-state="approved"]').waitFor();
    const view = await h().api.call<{ state: string; reviews: Array<{ action: string }> }>(await h().token('reviewer'), 'GET', `/submissions/${snn()}`);
    expect(view.state).toBe('approved');
    expect(view.reviews.map((r) => r.action)).toEqual(['submit', 'return', 'submit', 'approve']);
  });
}
