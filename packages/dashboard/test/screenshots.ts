import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** HERALD_SCREENSHOTS=docs/screenshots: where the browser tests save their pages (unset: nowhere). */
const SHOTS = process.env.HERALD_SCREENSHOTS;

/** Saves the page at 1280 px and at 390 px (`<name>-mobile.png`), full height, when screenshots are asked for. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, suffix] of [[1280, ''], [390, '-mobile']] as const) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: join(SHOTS, `${name}${suffix}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
