import { openReference, shoot, signIn } from '../support/browser';
import { flowContext } from '../support/web-context';

/** The administrator's screens, and the interface in its second language. */
const SET_BY_ADMIN = 'đồi thông Mẫu Sơn tháng năm';
const OWN = 'hoa đào xứ Lạng nở sớm';

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
    await admin.getByTestId('new-password').fill(SET_BY_ADMIN);
    await admin.locator('.ant-modal-confirm').getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await admin.getByText('Đã đặt lại mật khẩu cho officer-snn.').waitFor(); // the API test checks the new password signs in
    await shoot(admin, '12-admin-users');

    await admin.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await admin.getByTestId('units-page').getByText('Sở Nông nghiệp và Phát triển nông thôn').waitFor();
    await shoot(admin, '13-admin-units');

    // Việc bị kẹt: the work without its effect past STUCK_AFTER_MS (GET /api/admin/stuck), linked from health and the log alert
    await admin.goto(`${h().origin}/admin/stuck`);
    await admin.getByTestId('stuck-page').locator('.ant-table').waitFor();
    await shoot(admin, '13d-admin-stuck');

    await openReference(admin, 'Biểu mẫu');
    await admin.getByTestId('forms-page').getByRole('link', { name: 'KTXH-THANG' }).click();
    await admin.getByTestId('form-template-page').getByText('Trồng rừng mới').waitFor();
    await shoot(admin, '14-admin-form-template');

    await admin.getByTestId('lang-switch').getByText('EN').click();
    await admin.getByRole('menuitem', { name: 'Period board' }).click();
    await admin.getByTestId('period-board').getByText('Waiting for review').waitFor();
    await shoot(admin, '15-board-english');
  });

  it('makes the officer change the password the administrator set before anything else; keeps no token in storage; a deactivated account is out', async () => {
    // the reset of the test above, through the API, so that this test also runs alone
    const adminToken = await h().token('admin');
    const users = await h().api.call<Array<{ id: string; username: string }>>(adminToken, 'GET', '/users');
    await h().api.call(adminToken, 'POST', `/users/${users.find((u) => u.username === 'officer-snn')!.id}/password`, { password: SET_BY_ADMIN });
    const admin = ctx.browser.context.pages().find((p) => p.url().startsWith(h().origin)) ?? (await signIn(ctx.browser.context, h().origin, 'admin', h().password));
    await admin.evaluate(() => localStorage.setItem('tonghop.lang', 'vi')); // back to Vietnamese, for every tab
    const officer = await ctx.browser.context.newPage();
    await officer.goto(h().origin);
    await officer.getByLabel('Tên đăng nhập').fill('officer-snn');
    await officer.getByLabel('Mật khẩu').fill(SET_BY_ADMIN);
    await officer.getByRole('button', { name: 'Đăng nhập' }).click();
    const page = officer.getByTestId('change-password-page');
    await page.getByText('Mật khẩu của bạn do quản trị viên đặt').waitFor();
    await shoot(officer, '12b-change-password');
    await page.getByLabel('Mật khẩu hiện tại').fill(SET_BY_ADMIN);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('password1234');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('password1234');
    await page.getByTestId('change-password-submit').click();
    await officer.getByTestId('change-password-error').getByText('quá phổ biến').waitFor(); // the policy, said on the spot
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(OWN);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(OWN);
    await page.getByTestId('change-password-submit').click();
    await officer.getByTestId('current-user').waitFor();
    // the access token lives in memory only: nothing that looks like a token in either storage
    const stored = await officer.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    // a reload carries the session on through the HttpOnly cookie, which scripts cannot read
    await officer.reload();
    await officer.getByTestId('current-user').waitFor();
    expect(await officer.evaluate(() => document.cookie)).toBe('');

    await admin.goto(`${h().origin}/admin/users`);
    await admin.getByTestId('deactivate-officer-snn').click();
    await admin.getByText('Đã khóa tài khoản officer-snn').waitFor();
    await admin.getByTestId('reactivate-officer-snn').waitFor();
    await officer.reload();
    await officer.getByLabel('Tên đăng nhập').waitFor(); // signed out: the session ended with the deactivation
    await officer.close();
  });
}
