/**
 * Waits until inputs that commit what was typed when they lose focus have done so. A date picker
 * takes a typed date a frame after the field is left – clicking 保存 right after typing would
 * otherwise check the form before the date is in it.
 */
export function afterPendingEdits(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
