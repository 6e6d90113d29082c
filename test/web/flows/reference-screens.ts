import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { openReference, shoot, signIn } from '../support/browser';
import { flowContext } from '../support/web-context';

/** Years the data file (config/calendar/vn-holidays.json) announces; any other current or next year is flagged. */
const FILE_YEARS = [2024, 2025, 2026];

/** The reference data the administrator keeps through the year: days off, plans, a new form version. */
export function referenceScreens(): void {
  const ctx = flowContext('reference', {});
  const h = () => ctx.h;
  let admin: Page;

  it('flags a coming year without days off and takes its calendar with the decision', async () => {
    admin = await signIn(ctx.browser.context, h().origin, 'admin', h().password);
    await admin.getByTestId('periods-page').getByText('Tháng 5/2024').waitFor();
    const now = new Date().getFullYear();
    const missing = [now, now + 1].filter((y) => !FILE_YEARS.includes(y));
    if (missing.length > 0) await admin.getByTestId('calendar-missing').getByText(`Chưa nhập lịch nghỉ năm ${missing.join(', ')}`).waitFor();
    await openReference(admin, 'Lịch nghỉ');
    const page = admin.getByTestId('calendar-page');
    await page.getByText(`${now + 1} ·`).first().waitFor();
    await page.getByTestId('calendar-decision').fill(`Thông báo số 6150/TB-BNV về lịch nghỉ Tết Âm lịch, Quốc khánh năm ${now + 1} (nhập thử)`);
    await page.getByTestId('add-day-off').click();
    await page.getByTestId('off-from-0').fill(`${now + 1}-01-01`);
    await page.getByTestId('off-to-0').fill(`${now + 1}-01-01`);
    await page.getByTestId('off-name-0').fill('Tết Dương lịch');
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-result').waitFor();
    await page.getByText('Đã nhập').first().waitFor();
    await shoot(admin, '16-admin-calendar');
    await admin.getByRole('menuitem', { name: 'Kỳ báo cáo', exact: true }).click();
    await admin.getByTestId('periods-page').getByText('Tháng 5/2024').waitFor();
    if (!missing.includes(now)) expect(await admin.getByTestId('calendar-missing').count()).toBe(0);
  });

  it('takes the year’s targets, a revision from a date, and names the bad row of a workbook', async () => {
    await openReference(admin, 'Kế hoạch năm');
    const page = admin.getByTestId('plans-page');
    await page.getByRole('spinbutton').fill('2024');
    await page.getByRole('spinbutton').press('Enter');
    await page.getByText('new_forest_planted').waitFor();
    await page.getByTestId('target-new_forest_planted').fill('9100');
    await page.getByTestId('plans-save').click();
    await admin.getByText('Đã lưu.').first().waitFor();
    await page.getByTestId('revision-indicator').click();
    await admin.keyboard.type('new_forest');
    await admin.keyboard.press('Enter');
    await page.getByTestId('revision-target').fill('9.500');
    await page.getByTestId('revision-from').click();
    await admin.keyboard.type('01/07/2024');
    await admin.keyboard.press('Enter');
    await page.getByTestId('revision-decision').fill('Nghị quyết số 20/NQ-HĐND ngày 10/7/2024 điều chỉnh kế hoạch');
    await page.getByTestId('revision-save').click();
    await page.getByText('01/07/2024:').waitFor();

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Kế hoạch');
    sheet.addRow(['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Áp dụng từ ngày', 'Văn bản điều chỉnh']);
    sheet.addRow(['tourists', 'Khách du lịch', 4100]);
    sheet.addRow(['no_such_indicator', 'Không có', 1]);
    await page.getByTestId('plans-file').setInputFiles({ name: 'ke-hoach-2024.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    await page.getByTestId('plans-problems').getByText('Dòng 3: mã chỉ tiêu "no_such_indicator"', { exact: false }).waitFor();
    await shoot(admin, '17-admin-plans');
  });

  it('drafts a new form version: renames, adds, retires; a duplicate code is refused; published from June', async () => {
    await openReference(admin, 'Biểu mẫu');
    await admin.getByTestId('new-draft-KTXH-THANG').click();
    const page = admin.getByTestId('form-draft-page');
    await page.getByTestId('draft-section-0').waitFor();
    await page.getByTestId('name-0-0').fill('Văn bản đi do UBND tỉnh, Chủ tịch, các Phó Chủ tịch ban hành');
    await page.getByTestId('add-indicator-0').click();
    await page.getByTestId('new-code-0-12').fill('ppc_meetings_online_month');
    await page.getByTestId('name-0-12').fill('Cuộc họp trực tuyến');
    await page.getByTestId('retire-narrative_vpub_i').click();
    await page.getByTestId('add-indicator-0').click();
    await page.getByTestId('name-0-12').fill('Cuộc họp (trùng mã)');
    await page.getByTestId('new-code-0-12').fill('ppc_meetings_month');
    await page.getByTestId('draft-save').click();
    await page.getByTestId('draft-problems').getByText('FORM_DUPLICATE_CODE').waitFor();
    await shoot(admin, '18-admin-form-draft');
    await page.getByTestId('retire-ppc_meetings_month').last().click();
    await page.getByTestId('draft-save').click();
    await page.getByText('Không phát hiện lỗi').waitFor();
    await page.getByTestId('draft-from').click();
    await admin.keyboard.type('06/2024');
    await admin.keyboard.press('Enter');
    await page.getByTestId('draft-publish').click();
    const published = admin.getByTestId('form-template-page');
    await published.getByText('Cuộc họp trực tuyến').waitFor();
    expect(await published.getByText('Tình hình, kết quả nổi bật').count()).toBeGreaterThan(0); // other sections keep theirs
    await shoot(admin, '19-admin-form-published');
  });

  it('previews a report template’s edited sentence on the last approved month and refuses an unknown indicator', async () => {
    await openReference(admin, 'Mẫu báo cáo');
    const page = admin.getByTestId('report-templates-page');
    await page.getByTestId('template-pick').click();
    await admin.keyboard.type('KTXH-THANG-BC');
    await admin.keyboard.press('Enter');
    const pattern = page.locator('[data-testid^="pattern-"]').first();
    await pattern.waitFor();
    await page.getByTestId('template-preview').click();
    await page.getByText('Xem trước trên số liệu đã duyệt của').waitFor();
    await shoot(admin, '20-admin-report-template');
    await pattern.fill('Chỉ tiêu không có: {no_such_indicator.value}.');
    await page.getByTestId('template-publish').click();
    await page.getByTestId('template-problems').getByText('TEMPLATE_UNKNOWN_INDICATOR').first().waitFor();
  });
}
