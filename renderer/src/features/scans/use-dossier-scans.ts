import { useEffect, useRef, useState } from 'react';
import type { DossierDetail, DossierScans } from '../../../../shared/contract';
import { ApiError, call } from '../../lib/api';

export interface DossierScansState {
  /** The open dossier's scans; undefined until they are read – never another dossier's. */
  data: DossierScans | undefined;
  error: ApiError | null;
  /** Shows an edit's answer (the dossier's scans after it) at once. */
  replace: (next: DossierScans) => void;
  reload: () => void;
}

/** What of the documents the scans show: when it changes (a document filed, retitled or removed elsewhere in the drawer), they are read again. */
function documentsRevision(dossier: DossierDetail): string {
  return JSON.stringify(dossier.documents.map((d) => [d.id, d.title, d.checklistItem, d.position, d.level]));
}

/**
 * The scans of the dossier open in the drawer. An answer to an older request (of the previous
 * dossier, or overtaken by an edit's answer) is dropped.
 */
export function useDossierScans(dossier: DossierDetail | undefined): DossierScansState {
  const archiveNumber = dossier?.archiveNumber;
  const revision = dossier ? documentsRevision(dossier) : '';
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<{ for: string | undefined; data?: DossierScans; error: ApiError | null }>({ for: undefined, error: null });
  const latest = useRef(0);
  // The dossier open now: an edit's answer that arrives after another dossier was opened is dropped.
  const open = useRef(archiveNumber);
  useEffect(() => {
    open.current = archiveNumber;
  }, [archiveNumber]);

  useEffect(() => {
    if (!archiveNumber) return;
    latest.current += 1;
    const ticket = latest.current;
    call('scan:list', { archiveNumber }).then(
      (data) => {
        if (latest.current === ticket) setState({ for: archiveNumber, data, error: null });
      },
      (failure: unknown) => {
        if (latest.current === ticket) setState({ for: archiveNumber, error: failure instanceof ApiError ? failure : null });
      },
    );
  }, [archiveNumber, revision, reloads]);

  const current = state.for === archiveNumber;
  return {
    data: current && state.data?.archiveNumber === archiveNumber ? state.data : undefined,
    error: current ? state.error : null,
    replace: (next) => {
      if (next.archiveNumber !== open.current) return;
      latest.current += 1;
      setState({ for: next.archiveNumber, data: next, error: null });
    },
    reload: () => setReloads((n) => n + 1),
  };
}
