import { useEffect } from 'react';

export interface ViewerKeys {
  previous: () => void;
  next: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  /** Turned clockwise, with Shift anticlockwise. */
  rotate: (direction: 1 | -1) => void;
  close: () => void;
}

/** The viewer's shortcuts: ←/→ pages, +/− zoom, R turns (Shift+R back), Esc closes. */
export function useViewerKeys(keys: ViewerKeys, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const action = {
        ArrowLeft: keys.previous,
        PageUp: keys.previous,
        ArrowRight: keys.next,
        PageDown: keys.next,
        '+': keys.zoomIn,
        '=': keys.zoomIn,
        '-': keys.zoomOut,
        r: () => keys.rotate(1),
        R: () => keys.rotate(event.shiftKey ? -1 : 1),
        Escape: keys.close,
      }[event.key];
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [keys, enabled]);
}
