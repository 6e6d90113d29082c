import { DependencyList, RefObject, useLayoutEffect } from 'react';

/** Height of the application header (Layout.Header), which sticks at the very top. */
export const APP_HEADER = 52;

/**
 * The toolbar sticks under the application header, the column header under the toolbar, and the
 * section titles under the column header: their offsets follow the real heights (a toolbar wraps
 * on a narrow screen), exposed to CSS as --head-top and --sheet-top on the page element.
 */
export function useStickyOffsets(page: RefObject<HTMLElement | null>, toolbar: RefObject<HTMLElement | null>, header: RefObject<HTMLElement | null>, deps: DependencyList) {
  useLayoutEffect(() => {
    const update = () => {
      const tb = toolbar.current?.offsetHeight ?? 0;
      const hd = header.current?.offsetHeight ?? 0;
      page.current?.style.setProperty('--head-top', `${APP_HEADER + tb}px`);
      page.current?.style.setProperty('--sheet-top', `${APP_HEADER + tb + hd}px`);
    };
    update();
    const observer = new ResizeObserver(update);
    for (const el of [toolbar.current, header.current]) if (el) observer.observe(el);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
