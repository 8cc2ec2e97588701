import { describe, expect, it } from 'vitest';
import { cliArguments, dataDirArgument } from './args';

describe('desktop app arguments', () => {
  it('accepts --data-dir with a space or with =', () => {
    expect(dataDirArgument(['/opt/DossierDesk/dossierdesk', '--data-dir', '/srv/archive'])).toBe('/srv/archive');
    expect(dataDirArgument(['electron', '.', '--data-dir=/srv/档案'])).toBe('/srv/档案');
    expect(dataDirArgument(['electron', '.'])).toBeUndefined();
    expect(dataDirArgument(['electron', '--data-dir='])).toBeUndefined();
  });

  it('--cli hands everything after it to the command line, whatever comes before', () => {
    expect(cliArguments(['/opt/DossierDesk/dossierdesk', '--cli', 'dossier', 'list', '--data-dir', '/srv/a'])).toEqual(['dossier', 'list', '--data-dir', '/srv/a']);
    expect(cliArguments(['electron', '.', '--cli', '--help'])).toEqual(['--help']);
    expect(cliArguments(['electron', '.', '--data-dir=/srv/a'])).toBeNull();
  });
});
