import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRawDatabase } from '../helpers/raw-archive';
import { useSuiteTempDir } from '../helpers/temp-dir';
import { builtCli, CLI_ADMIN_PASSWORD, initArchive, runCli } from './run-cli';

const suiteDir = useSuiteTempDir();

/** What a terminal would act on: ESC, C1 controls, bidi overrides, a carriage return, a bell. */
// eslint-disable-next-line no-control-regex -- exactly the characters a terminal acts on
const DRIVES_A_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** Text stored before input was checked: it clears the screen, turns red, hides a line and reverses the rest. */
const STORED_TITLE = '旧题名\u001b[2J\u001b[31m红\u0007\r覆盖\n第二行\t\u009b1A\u202e逆序';

let env: Record<string, string>;

beforeAll(async () => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
  env = await initArchive(suiteDir(), { dossiers: [{ title: '第一份' }, { title: '第二份' }] });
});

describe('the CLI', () => {
  it('prints stored text so that it can never drive the terminal, one record per line, and --json as stored', async () => {
    // Changed behind the core's back: text stored before input was checked.
    const raw = await openRawDatabase(env.DOSSIERDESK_DATA_DIR ?? '', 'admin', CLI_ADMIN_PASSWORD);
    raw.prepare(`UPDATE dossiers SET title = ?, remarks = ? WHERE title = '第一份'`).run(STORED_TITLE, '备注\u001b]0;标题\u0007');
    const archiveNumber = raw.prepare(`SELECT archive_number FROM dossiers WHERE title = ?`).pluck().get(STORED_TITLE) as string;
    raw.close();

    const list = await runCli(['dossier', 'list'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).not.toMatch(DRIVES_A_TERMINAL);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((line) => line.startsWith(archiveNumber))).toContain('旧题名\\u001b[2J\\u001b[31m红\\u0007\\r覆盖\\n第二行\\t\\u009b1A\\u202e逆序');

    const show = await runCli(['dossier', 'show', archiveNumber], { env });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).not.toMatch(DRIVES_A_TERMINAL);
    expect(show.stdout).toContain('备注 / remarks\t备注\\u001b]0;标题\\u0007\n');

    const json = await runCli(['--json', 'dossier', 'show', archiveNumber], { env });
    expect(json.stdout).not.toMatch(DRIVES_A_TERMINAL);
    expect((JSON.parse(json.stdout) as { title: string }).title).toBe(STORED_TITLE);

    // An error that names what was typed says it in one harmless line too.
    const cases = [
      { args: ['dossier', 'show', 'XC\u001b[2J\n-1'], says: 'archiveNumber must not contain control characters (U+001B)' },
      { args: ['dossier', 'list', '--colour\u001b[2J'], says: '--colour\\u001b[2J' },
    ];
    for (const { args, says } of cases) {
      const refused = await runCli(args, { env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).not.toMatch(DRIVES_A_TERMINAL);
      expect(refused.stderr).toContain(says);
      expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('refuses an impossible date for the audit trail', async () => {
    const result = await runCli(['audit', 'list', '--from', '2026-02-30'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('VALIDATION');
    expect(result.stderr).toContain('from');
  });
});
