import type { Page } from 'playwright-core';
import { shoot, signIn } from '../support/browser';
import { flowContext } from '../support/web-context';

/** Picks options in an antd Select by typing each and pressing Enter, then leaves it. */
async function pick(page: Page, testId: string, ...options: string[]): Promise<void> {
  await page.getByTestId(testId).click();
  for (const option of options) {
    await page.keyboard.type(option);
    await page.keyboard.press('Enter');
  }
  await page.getByTestId('restructure-decision').click();
}

/** The administrator restructures units from a date on the units screen (Lạng Sơn, 1 March 2025). */
export function unitsFlow(): void {
  const ctx = flowContext('units', {});
  const h = () => ctx.h;

  it('merges two departments into a new one from 1 March 2025, after a refusal that names its code', async () => {
    const admin = await signIn(ctx.browser.context, h().origin, 'admin', h().password);
    await admin.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await admin.getByTestId('units-page').getByText('Sở Tài nguyên và Môi trường').waitFor();
    await admin.getByTestId('open-restructure').click();
    // May 2024 is open: a date inside it is refused, with its code, and nothing changes
    await admin.getByTestId('restructure-date').fill('2024-05-01');
    await admin.getByTestId('restructure-decision').fill('Nghị quyết của HĐND tỉnh về thành lập Sở Nông nghiệp và Môi trường');
    await admin.getByTestId('add-new-unit').click();
    await admin.getByTestId('new-unit-code-0').fill('SNNMT');
    await admin.getByTestId('new-unit-name-0').fill('Sở Nông nghiệp và Môi trường');
    await pick(admin, 'group-from-0', 'SNN ·', 'STNMT');
    await pick(admin, 'group-to-0', 'SNNMT');
    await admin.getByTestId('restructure-submit').click();
    await admin.getByTestId('restructure-error').getByText('UNIT_EFFECTIVE_DATE_IN_OPENED_PERIOD', { exact: false }).waitFor();
    await shoot(admin, '13b-admin-restructure-refused');

    await admin.getByTestId('restructure-date').fill('2025-03-01');
    await admin.getByTestId('restructure-submit').click();
    const notice = admin.getByTestId('units-notice');
    await notice.getByText('SNN + STNMT → SNNMT', { exact: false }).waitFor();
    await admin.getByTestId('restructurings-table').getByText('Nghị quyết của HĐND tỉnh về thành lập Sở Nông nghiệp và Môi trường').waitFor();

    // on 1 May 2025 the successor is listed, the merged departments are not
    await admin.getByTestId('units-date').fill('2025-05-01');
    const table = admin.getByTestId('units-table');
    await table.getByText('Sở Nông nghiệp và Môi trường', { exact: true }).waitFor();
    await table.getByText('Sở Tài nguyên và Môi trường').waitFor({ state: 'detached' });
    expect(await table.getByText('Sở Nông nghiệp và Phát triển nông thôn').count()).toBe(0);
    await shoot(admin, '13c-admin-units-restructured', true);

    // the API agrees: the successor fills both predecessors' indicators from 1 March
    const token = await h().token('admin');
    const held = await h().api.call<string[]>(token, 'GET', '/units/SNNMT/indicators?date=2025-03-01');
    const snn = await h().api.call<string[]>(token, 'GET', '/units/SNN/indicators?date=2025-02-28');
    const stnmt = await h().api.call<string[]>(token, 'GET', '/units/STNMT/indicators?date=2025-02-28');
    expect(held).toEqual([...snn, ...stnmt].sort());
    expect(await h().api.call<string[]>(token, 'GET', '/units/SNN/indicators?date=2025-03-01')).toEqual([]);
  });
}
