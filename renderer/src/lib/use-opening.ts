import { useState } from 'react';

/**
 * A number that changes each time `open` turns true: the key of a dialog's body, so every opening
 * starts from nothing – no form value, file or result of the last opening carried over.
 */
export function useOpening(open: boolean): number {
  const [opening, setOpening] = useState({ open, count: 0 });
  if (open !== opening.open) setOpening({ open, count: open ? opening.count + 1 : opening.count });
  return opening.count;
}
