import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

function subscribe(changed: () => void): () => void {
  const media = window.matchMedia(query);
  media.addEventListener('change', changed);
  return () => media.removeEventListener('change', changed);
}

/**
 * Whether the user has asked the system for less motion (Windows: "Show animations" off; macOS:
 * Reduce motion). antd's own styles honour it only in part: dialogs, drawers and menus still
 * animate in JavaScript unless its motion is turned off.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
