import type { Frame, Page } from 'playwright-core';

/** The Custom UI frame of a module on a host page, once the host has rendered it. */
export async function frameOf(page: Page, moduleKey: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe[data-module-key="${moduleKey}"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame for ${moduleKey}`);
  return frame;
}

/** A CSS selector for a `data-testid`. */
export const testId = (id: string): string => `[data-testid="${id}"]`;
