import type { Page } from '@playwright/test';

/** Draws a stroke on a SignatureField's pad (test id `<testId>-pad`), as a pen or a mouse would. */
export async function drawSignature(page: Page, testId: string): Promise<void> {
  const pad = page.getByTestId(`${testId}-pad`);
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  await page.mouse.move(box.x + 30, box.y + 70);
  await page.mouse.down();
  for (const [x, y] of [
    [80, 30],
    [130, 80],
    [190, 35],
    [250, 75],
  ] as const) {
    await page.mouse.move(box.x + x, box.y + y, { steps: 6 });
  }
  await page.mouse.up();
}
