import { shoot, signIn } from '../support/browser';
import { flowContext } from '../support/web-context';

/** The administrator's screens, and the interface in its second language. */
export function adminScreens(): void {
  // mid-month: some units submitted (the board has forms waiting for review), some approved
  const ctx = flowContext('admin', {
    submitted: ['CTK', 'STC', 'SCT', 'SXD', 'SYT', 'HQ', 'CTHUE', 'SGDDT'],
    approved: ['CTK', 'STC', 'SCT', 'SXD'],
  });
  const h = () => ctx.h;

  it('gives the administrator periods, units, users (with a password reset) and the form templates', async () => {
    const admin = await signIn(ctx.browser.context, h().origin, 'admin', h().password);
    await admin.getByTestId('periods-page').getByText('Tháng 5/2024').waitFor();
    await shoot(admin, '11-admin-periods');
    // the exchange document of May (4 units approved), as the upper-level system would receive it
    const [exchange] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('exchange-2024-5').click()]);
    expect(exchange.suggestedFilename()).toBe('trao-doi-so-lieu-v1.json');

    // gia hạn: one unit gets a later deadline with a reason; the list and the board show it
    const later = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(Date.now() + 9 * 86_400_000);
    await admin.getByTestId('extensions-2024-5').click();
    const drawer = admin.getByTestId('extensions-drawer');
    await drawer.getByText('Chưa đơn vị nào được gia hạn trong kỳ này.').waitFor();
    await drawer.getByTestId('ext-grant').click(); // nothing chosen: said on the spot
    await drawer.getByText('Vui lòng nhập lý do').waitFor();
    await drawer.getByTestId('ext-unit').click();
    await admin.keyboard.type('SYT');
    await admin.keyboard.press('Enter');
    await drawer.getByTestId('ext-deadline').click();
    await admin.keyboard.type(later);
    await admin.keyboard.press('Enter');
    await drawer.getByTestId('ext-reason').fill('Sở Y tế đề nghị gia hạn do sự cố phần mềm thống kê.');
    await drawer.getByTestId('ext-grant').click();
    await drawer.getByTestId('ext-list').getByText('Sở Y tế đề nghị gia hạn do sự cố phần mềm thống kê.').waitFor();
    await shoot(admin, '11b-admin-extensions');
    await admin.locator('.ant-drawer-close').click();
    await admin.getByRole('menuitem', { name: 'Theo dõi kỳ báo cáo' }).click();
    const sytRow = admin.locator('tr.board-row', { has: admin.getByTestId('open-SYT') });
    await sytRow.getByTestId('extended-deadline').filter({ hasText: later }).waitFor();
    await admin.getByRole('menuitem', { name: 'Kỳ báo cáo', exact: true }).click();

    await admin.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await admin.getByTestId('users-page').getByText('officer-snn', { exact: true }).waitFor();
    const snnRow = admin.locator('tr', { has: admin.getByText('officer-snn', { exact: true }) });
    await snnRow.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await admin.getByTestId('new-password').fill('MatKhauMoi@2024');
    await admin.locator('.ant-modal-confirm').getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await admin.getByText('Đã đặt lại mật khẩu cho officer-snn.').waitFor(); // the API test checks the new password signs in
    await shoot(admin, '12-admin-users');

    await admin.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await admin.getByTestId('units-page').getByText('Sở Nông nghiệp và Phát triển nông thôn').waitFor();
    await shoot(admin, '13-admin-units');

    await admin.getByRole('menuitem', { name: 'Biểu mẫu' }).click();
    await admin.getByTestId('forms-page').getByRole('link', { name: 'KTXH-THANG' }).click();
    await admin.getByTestId('form-template-page').getByText('Trồng rừng mới').waitFor();
    await shoot(admin, '14-admin-form-template');

    await admin.getByTestId('lang-switch').getByText('EN').click();
    await admin.getByRole('menuitem', { name: 'Period board' }).click();
    await admin.getByTestId('period-board').getByText('Waiting for review').waitFor();
    await shoot(admin, '15-board-english');
  });
}
