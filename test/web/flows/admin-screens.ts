import { shoot, signIn } from '../support/browser';
import type { WebContext } from '../support/web-context';

/** The administrator's screens, and the interface in its second language. */
export function adminScreens(ctx: WebContext): void {
  const h = () => ctx.h;

  it('gives the administrator periods, units, users (with a password reset) and the form templates', async () => {
    const admin = await signIn(ctx.browser.context, h().origin, 'admin', h().password);
    await admin.getByTestId('periods-page').getByText('Tháng 5/2024').waitFor();
    await shoot(admin, '11-admin-periods');

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
