import type { Page } from 'playwright-core';
import { shoot } from './browser';

export const PHONE = { width: 390, height: 844 };

/**
 * The page at a phone's width (390 × 844): no sideways scrolling of the page itself (a wide table
 * may scroll inside its own box), checked and photographed (`<name>-phone`; the whole page unless
 * `fullPage` is false), then back to the desktop.
 */
export async function checkPhone(page: Page, name: string, ready: () => Promise<unknown>, fullPage = true): Promise<void> {
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    await ready();
    await page.waitForTimeout(300); // charts and tables re-lay themselves out on resize
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth }));
    if (Math.max(widths.page, widths.body) > widths.viewport) {
      // what sticks out, to say so in the failure (outermost elements only)
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
          .slice(0, 8)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} → ${Math.round(e.getBoundingClientRect().right)}px`),
      );
      console.log(`${name} on a phone, wider than ${widths.viewport}px: ${wide.join('; ')}`);
    }
    await shoot(page, `${name}-phone`, fullPage);
    expect({ name, scrollWidth: Math.max(widths.page, widths.body) }).toEqual({ name, scrollWidth: widths.viewport });
  } finally {
    if (desktop) await page.setViewportSize(desktop);
  }
}
