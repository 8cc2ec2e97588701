import { createContext, useContext } from 'react';
import type { ScanFilingState } from './use-scan-filing';

/** What the parts of the scans tab share: filing files, the page selection, the viewer, reordering. */
export interface ScanDesk {
  editable: boolean;
  filing: ScanFilingState;
  /** The drop target files are being dragged over (only the innermost one lights up). */
  hovered: string | null;
  hover: (target: string | null) => void;
  selected: ReadonlySet<number>;
  toggle: (pageId: number) => void;
  view: (pageId: number) => void;
  reorder: (documentId: number, order: number[]) => void;
  /** An edit of pages is under way. */
  editing: boolean;
}

export const ScanDeskContext = createContext<ScanDesk | null>(null);

export function useScanDesk(): ScanDesk {
  const desk = useContext(ScanDeskContext);
  if (!desk) throw new Error('useScanDesk outside the scans tab');
  return desk;
}
