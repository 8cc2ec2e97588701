import { describe, expect, it } from 'vitest';
import { dataDirArgument } from './args';

describe('desktop app arguments', () => {
  it('accepts --data-dir with a space or with =', () => {
    expect(dataDirArgument(['/opt/DossierDesk/dossierdesk', '--data-dir', '/srv/archive'])).toBe('/srv/archive');
    expect(dataDirArgument(['electron', '.', '--data-dir=/srv/档案'])).toBe('/srv/档案');
    expect(dataDirArgument(['electron', '.'])).toBeUndefined();
    expect(dataDirArgument(['electron', '--data-dir='])).toBeUndefined();
  });
});
