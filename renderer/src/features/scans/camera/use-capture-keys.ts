import { useEffect } from 'react';

/** Elements that answer Space and Enter themselves (a focused button presses, a list opens). */
const OWN_KEYS = 'button, a, input, textarea, select, [role="combobox"], [role="button"], [contenteditable="true"]';

/** Space or Enter captures a page, as a document camera's foot pedal or a clerk's free hand would. */
export function useCaptureKeys(capture: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      if (event.repeat || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof Element && event.target.closest(OWN_KEYS)) return;
      event.preventDefault();
      capture();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [capture, enabled]);
}
