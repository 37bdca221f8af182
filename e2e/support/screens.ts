// Checks every screen of the people/post/stories specs makes at 390 and 1280 px: axe
// (WCAG 2.1 A/AA), a document never wider than the viewport, and a screenshot in
// e2e/screenshots (not in git) for a human to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './browser';

const screenshots = path.resolve(import.meta.dirname, '..', 'screenshots');
export const WIDTHS = [390, 1280] as const;

/** Throws when the page scrolls sideways at its current width. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(
    scrollWidth <= innerWidth,
    `${label}: the document is ${scrollWidth} px wide in a ${innerWidth} px viewport`,
  );
}

/**
 * For each width: `prepare` brings the screen into the state to check (it runs after
 * the resize), then axe, the width check and a screenshot `<name>-<width>.png`.
 */
export async function checkScreen(
  page: Page,
  name: string,
  prepare: () => Promise<void>,
): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await prepare();
    const label = `${name} at ${width} px`;
    await expectNoHorizontalOverflow(page, label);
    await expectNoAxeViolations(page, label);
    await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A GET of the app's API from the page (cookie session), as JSON. */
export function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => {
    const response = await fetch(target, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${target}: ${response.status}`);
    return (await response.json()) as unknown;
  }, url) as Promise<T>;
}

/** A JSON POST from the page with the CSRF header its cookies call for. */
export function apiPost<T>(page: Page, url: string, body: object): Promise<T> {
  return page.evaluate(
    async ([target, payload]) => {
      const csrf = /(?:^|; )csrf_access_token=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': decodeURIComponent(csrf) },
        body: JSON.stringify(payload),
      });
      if (!response.ok) throw new Error(`${target}: ${response.status} ${await response.text()}`);
      return (await response.json()) as unknown;
    },
    [url, body] as const,
  ) as Promise<T>;
}
