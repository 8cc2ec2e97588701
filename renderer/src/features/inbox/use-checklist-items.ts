import { useEffect, useState } from 'react';
import { call } from '../../lib/api';

/** The checklist items of the dossier whose number is typed (none while it is not a dossier the user may see); the dossier is not opened. */
export function useChecklistItems(archiveNumber: string): { key: string; name: string }[] {
  const [items, setItems] = useState<{ for: string; items: { key: string; name: string }[] }>({ for: '', items: [] });
  useEffect(() => {
    if (archiveNumber === '') return undefined;
    let current = true;
    call('inbox:checklist', { archiveNumber }).then(
      (checklist) => current && setItems({ for: archiveNumber, items: checklist.map((c) => ({ key: c.key, name: c.name })) }),
      () => current && setItems({ for: archiveNumber, items: [] }),
    );
    return () => {
      current = false;
    };
  }, [archiveNumber]);
  return items.for === archiveNumber ? items.items : [];
}
