import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FOREST } from './month-flow';
import { waitFor } from '../../support/wait';
import { shoot, signIn } from '../support/browser';
import { checkPhone } from '../support/phone';
import { flowContext } from '../support/web-context';

interface ReportRow {
  id: string;
  state: string;
  revisions: Array<{ number: number; missingUnits: string[]; files: Array<{ format: string; renderedAs: string }> }>;
}

/** Until the element's fade-in animation is over (a screenshot mid-animation shows it half transparent). */
async function settled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && getComputedStyle(el).opacity === '1' && !el.className.includes('-enter');
  }, selector);
}

const OUTPUT = join(__dirname, '..', '..', 'output');

/** A binary PPM (P6) as pdftoppm writes it: width, height, RGB bytes. */
function readPpm(buf: Buffer): { width: number; height: number; data: Buffer } {
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))!;
  return { width: Number(m[1]), height: Number(m[2]), data: buf.subarray(m[0].length) };
}

const ADDED = 'Văn phòng UBND tỉnh đề nghị các ngành tiếp tục theo dõi chặt chẽ tình hình sâu bệnh trên 1.250 ha cây trồng.';
/** the number of ADDED: typed by the office, no approved submission gives it */
const TYPED = '1.250';

/**
 * The consolidated report in the browser, on the real worker: the office asks for a draft early and
 * sees the units still missing; once every unit is approved the worker consolidates on its own; the
 * office edits a section, compares the two revisions and sends it for sign-off; the vice-chairman
 * opens it, hovers a figure to see where it came from and signs; the records office issues it
 * (number, date, the body's signature) and downloads the PDF, whose two signatures poppler checks
 * and whose last page, rendered, has the signature between the title and the name. The office's inbox shows what the units did.
 */
export function reportFlow(): void {
  // mid-month, with the worker: SNN has submitted and been approved with a forest figure of its own (712,5, not the
  // demo's 710,83), which the signer finds as the source of the report's figure; CA and most units have not submitted
  const ctx = flowContext('report', {
    figures: { SNN: { [FOREST]: '712,5' } },
    submitted: ['SNN', 'CTK', 'STC', 'SCT', 'SXD', 'SYT', 'HQ', 'CTHUE', 'SGDDT'],
    approved: ['SNN', 'CTK', 'STC', 'SCT', 'SXD'],
    worker: true,
  });
  let reviewer: Page;
  let signer: Page;
  let clerk: Page;
  const h = () => ctx.h;
  const reports = async () => h().api.call<ReportRow[]>(await h().token('reviewer'), 'GET', `/reports?periodId=${h().periodId}`);

  it('lets the office ask for a draft now; the draft lists the units not yet approved', async () => {
    reviewer = await signIn(ctx.browser.context, h().origin, 'reviewer', h().password, '/reports');
    await reviewer.getByTestId('reports-page').waitFor();
    await reviewer.getByTestId('consolidate').click();
    await reviewer.locator('.ant-modal-confirm').getByRole('button', { name: 'Tổng hợp ngay' }).click();
    const missing = reviewer.getByTestId('missing-units');
    await missing.waitFor({ timeout: 45_000 });
    await missing.getByText('Công an tỉnh').waitFor(); // CA has not submitted
    expect(await missing.locator('li').count()).toBeGreaterThan(10);
  });

  it('consolidates on its own once every unit is approved; the office edits a section, compares, sends', async () => {
    const before = Math.max(0, ...((await reports())[0]?.revisions.map((v) => v.number) ?? []));
    await h().approveAll();
    const report = await waitFor(async () => {
      const [r] = await reports();
      return r?.revisions.some((v) => v.number > before && v.missingUnits.length === 0) ? r : null;
    }, 45_000, 'the draft the worker consolidates when the last unit is approved');

    await reviewer.goto(`${h().origin}/reports/${report.id}`);
    await reviewer.getByTestId('report-document').waitFor();
    await reviewer.locator('[data-section="II.1.1"] [data-testid="figure"][data-indicator="new_forest_planted"]').first().waitFor();
    await shoot(reviewer, '16-report-draft');

    await reviewer.locator('[data-section="II.1.1"]').hover();
    await reviewer.getByTestId('edit-II.1.1').click();
    const editor = reviewer.getByTestId('section-text');
    const text = await editor.inputValue();
    await editor.fill(`${text}\n\n${ADDED}`);
    await reviewer.getByTestId('save-section').click();
    await reviewer.locator('[data-section="II.1.1"]').getByText(ADDED).waitFor();
    // the number the office typed is marked as the office's, not as a figure with a source
    await reviewer.locator('[data-section="II.1.1"] [data-testid="typed-by-office"]').filter({ hasText: TYPED }).waitFor();
    const edited = Number(await reviewer.getByTestId('report-page').getAttribute('data-version'));

    await reviewer.getByTestId('compare').click();
    await reviewer.locator('[data-testid="diff-section"][data-section="II.1.1"] [data-op="insert"]').filter({ hasText: ADDED }).waitFor();
    await shoot(reviewer, '17-report-diff');
    await reviewer.locator('.ant-drawer-close').click();

    await reviewer.getByTestId('send').click();
    await reviewer.locator('.ant-modal-confirm').getByRole('button', { name: 'Trình ký' }).click();
    // under the whole suite's load (LibreOffice rendering beside it) the answer can take a while; an error says why
    const outcome = await Promise.race([
      reviewer.locator('[data-testid="report-page"][data-state="awaiting_signature"]').waitFor({ timeout: 45_000 }).then(() => null),
      reviewer.locator('.ant-message-error').waitFor({ timeout: 45_000 }).then(() => reviewer.locator('.ant-message-error').innerText()),
    ]);
    expect(outcome).toBeNull();
    expect(Number(await reviewer.getByTestId('report-page').getAttribute('data-version'))).toBeGreaterThan(edited);
  });

  it('gives the vice-chairman the report to sign: each figure’s source on hover; signs; it waits for the records office', async () => {
    signer = await signIn(ctx.browser.context, h().origin, 'signer', h().password);
    await signer.getByTestId('dashboard').waitFor(); // the signer's home
    await signer.getByRole('menuitem', { name: 'Báo cáo tổng hợp' }).click();
    await signer.getByTestId('reports-page').waitFor();
    await signer.getByRole('button', { name: 'Xem và ký' }).waitFor({ timeout: 30_000 });
    // the worker told the signer: the bell's message opens the report
    await signer.getByTestId('bell').click();
    await signer.getByTestId('notification-popover').locator('[data-testid="notification"][data-kind="report.sent"]').filter({ hasText: 'Trình ký' }).locator('.notif-open').click();
    await signer.getByTestId('report-document').waitFor();
    await signer.getByTestId('notification-popover').waitFor({ state: 'hidden' });
    await signer.locator('[data-section="II.1.1"]').getByText(ADDED).waitFor();

    const figure = signer.locator('[data-section="II.1.1"] [data-testid="figure"][data-indicator="new_forest_planted"][data-unit="SNN"]').first();
    await figure.scrollIntoViewIfNeeded();
    await figure.hover();
    const source = signer.getByTestId('figure-source');
    await source.waitFor();
    await source.getByText('Sở Nông nghiệp và Phát triển nông thôn').waitFor();
    await source.getByText('Trồng rừng mới', { exact: false }).waitFor();
    await source.getByText('712,5', { exact: true }).waitFor(); // the value SNN submitted and the office approved
    await settled(signer, '.ant-popover');
    await shoot(signer, '18-report-sign-source');

    await signer.getByTestId('sign').click();
    await signer.locator('.ant-modal-confirm').getByRole('button', { name: 'Ký số' }).click();
    // signed: the number and date are the records office's
    await signer.getByTestId('signed-banner').getByText('Đã ký, chờ phát hành').waitFor();
    await signer.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await signer.evaluate(() => window.scrollTo(0, 0));
    await shoot(signer, '19-report-signed');
  }, 150_000);

  it('lets the records office issue it: the number appears, the PDF carries both signatures where the layout puts them', async () => {
    const [signed] = await reports();
    const revision = Math.max(...signed.revisions.map((x) => x.number));
    // the worker renders the signed document and applies the vice-chairman's signature (LibreOffice ~20 s on 2 cores)
    await waitFor(async () => {
      const [r] = await reports();
      return r.revisions.find((v) => v.number === revision)!.files.some((f) => f.format === 'pdf' && f.renderedAs === 'signed') || null;
    }, 150_000, 'the signed PDF');
    clerk = await signIn(ctx.browser.context, h().origin, 'clerk', h().password);
    await clerk.getByTestId('reports-page').waitFor(); // the records office's home
    await clerk.getByTestId('bell').click();
    await clerk.getByTestId('notification-popover').locator('[data-testid="notification"][data-kind="report.signed"]').first().locator('.notif-open').click();
    await clerk.getByTestId('report-document').waitFor();
    await clerk.getByTestId('issue').click();
    await clerk.getByTestId('confirm-issue').click();
    const banner = clerk.getByTestId('issued-banner');
    await banner.getByText(/Đã phát hành — Số: 01\/BC-UBND, ngày \d{2}\/\d{2}\/\d{4}/).waitFor({ timeout: 30_000 });
    await clerk.getByTestId('doc-number-line').filter({ hasText: 'Số: 01/BC-UBND' }).waitFor();
    await clerk.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await clerk.evaluate(() => window.scrollTo(0, 0));
    await shoot(clerk, '21-report-issued');
    // the report read on a phone: the paper fills the width, the side panel goes under it
    await checkPhone(clerk, '21-report-issued', () => clerk.getByTestId('report-document').waitFor(), false);

    const [file] = await Promise.all([clerk.waitForEvent('download'), clerk.getByTestId('download-pdf').click()]);
    expect(file.suggestedFilename()).toBe(`bao-cao-tong-hop-ban-${revision}.pdf`);
    mkdirSync(OUTPUT, { recursive: true });
    const pdfPath = join(OUTPUT, 'web-report-issued.pdf');
    await file.saveAs(pdfPath);
    const sig = execFileSync('pdfsig', [pdfPath], { encoding: 'utf8' });
    expect(sig.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(sig).toContain('Signer Certificate Common Name: Dương Xuân Huyền');
    expect(sig).toContain('Signer Certificate Common Name: UBND TỈNH LẠNG SƠN');

    // the last page, rendered as poppler renders it: the blue signature lies between "PHÓ CHỦ TỊCH" and the name,
    // over the title block's column; the red seal overlaps its left third
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
    const words = execFileSync('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), pdfPath, '-'], { encoding: 'utf8' });
    const box = (text: string) => {
      const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${text}</word>`).exec(words)!;
      return { xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) };
    };
    const title = box('PHÓ');
    const name = box('Dương');
    execFileSync('pdftoppm', ['-r', '72', '-f', String(pages), '-l', String(pages), '-singlefile', pdfPath, join(OUTPUT, 'web-report-issued-last')]);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(pages), '-l', String(pages), '-singlefile', pdfPath, join(OUTPUT, 'web-report-issued-last')]);
    const image = readPpm(readFileSync(join(OUTPUT, 'web-report-issued-last.ppm')));
    const count = (pred: (r: number, g: number, b: number) => boolean, x0: number, y0: number, x1: number, y1: number) => {
      let n = 0;
      for (let y = Math.floor(y0); y < y1; y++) for (let x = Math.floor(x0); x < x1; x++) {
        const i = (y * image.width + x) * 3;
        if (pred(image.data[i], image.data[i + 1], image.data[i + 2])) n++;
      }
      return n;
    };
    const blue = (r: number, g: number, b: number) => b > 140 && r < 90 && g < 130;
    const red = (r: number, g: number, b: number) => r > 170 && g < 90 && b < 90;
    // at 72 dpi a pixel is a point: the gap between the title's bottom and the name's top, right column
    const gap = { x0: title.xMin - 40, y0: title.yMax, x1: title.xMax + 60, y1: name.yMin };
    expect(count(blue, gap.x0, gap.y0, gap.x1, gap.y1)).toBeGreaterThan(150);
    expect(count(red, gap.x0 - 120, gap.y0 - 40, gap.x1, gap.y1 + 40)).toBeGreaterThan(150);
    // and nowhere in the left column (the recipients) or above the signature block
    expect(count(blue, 0, 0, image.width / 2 - 40, image.height)).toBeLessThan(20);
  }, 240_000);

  it('shows the office its inbox: the units’ submissions, unread count in the header; opening one goes to the submission', async () => {
    await reviewer.goto(`${h().origin}/reports`);
    const badge = reviewer.locator('[data-testid="unread-count"] .ant-badge-count');
    await badge.waitFor();
    expect(Number((await badge.getAttribute('title')) ?? '0')).toBeGreaterThan(0);
    await reviewer.getByTestId('bell').click();
    await reviewer.getByTestId('notification-popover').locator('[data-testid="notification"][data-kind="submission.submitted"]').first().waitFor();
    await reviewer.getByTestId('see-all-notifications').click();
    await reviewer.getByTestId('inbox-page').waitFor({ timeout: 45_000 }); // a busy machine: as the other steps of this flow
    await reviewer.locator('[data-testid="inbox-page"] [data-testid="notification"][data-read="false"]').first().waitFor();
    await reviewer.getByTestId('notification-popover').waitFor({ state: 'hidden' });
    await reviewer.locator('[data-testid="read-all"]:not([disabled])').waitFor();
    await shoot(reviewer, '20-inbox');
    await checkPhone(reviewer, '20-inbox', () => reviewer.getByTestId('inbox-page').waitFor());

    // the report's own messages (signed, issued) came last: the units' submissions are further down, on this page or the next
    const submitted = reviewer.locator('[data-testid="inbox-page"] [data-testid="notification"][data-kind="submission.submitted"]').first();
    await submitted.waitFor();
    const units = await h().api.call<Array<{ code: string; name: string }>>(await h().token('reviewer'), 'GET', '/units');
    const text = await submitted.innerText();
    const code = [...units].sort((a, b) => b.name.length - a.name.length).find((u) => text.includes(u.name))?.code;
    expect(code).toBeDefined();
    await submitted.locator('.notif-open').click();
    await reviewer.getByTestId('review-page').waitFor();
    expect(reviewer.url()).toContain(`/review/${h().submissions.get(code!)}`);

    await reviewer.goto(`${h().origin}/inbox`);
    await reviewer.getByTestId('read-all').click();
    await reviewer.locator('[data-testid="inbox-page"] [data-testid="notification"][data-read="false"]').first().waitFor({ state: 'detached' });
    await reviewer.locator('[data-testid="unread-count"] .ant-badge-count').waitFor({ state: 'detached' });
  });
}
