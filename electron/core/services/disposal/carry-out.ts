import { filesToErase, insertDestruction, recordErasures } from '../../../../db/repositories/disposal';
import { setDossierStatus } from '../../../../db/repositories/dossiers';
import { findUserByLogin, type UserRecord } from '../../../../db/repositories/users';
import type { DestructionListView, ParsedInputOf } from '../../../../shared/contract';
import { destructionMethodLabels } from '../../../../shared/disposal';
import { AppError } from '../../../../shared/errors';
import { normalizeLogin } from '../../../../shared/schemas';
import { eraseStoredFiles } from '../../attachments/erase-scans';
import { scanKeys, wipeScanKeys } from '../../attachments/file-store';
import type { HandlerContext } from '../../context';
import { provePassword } from '../session/password-under-lockout';
import { requireNotHeld } from '../holds/hold-guard';
import { toActor } from '../users/user-dto';
import { listState, readableList } from './list-access';
import { listView } from './list-view';

type CarryOutInput = ParsedInputOf<'disposal:carry-out'>;

/**
 * The two witnesses (监销人), each confirming with their own password: two different active users,
 * neither of them the clerk who carries the destruction out – a witness watches someone else destroy.
 */
async function confirmWitnesses(ctx: HandlerContext, witnesses: CarryOutInput['witnesses']): Promise<UserRecord[]> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const logins = witnesses.map((w) => normalizeLogin(w.login));
  if (logins[0] === logins[1]) throw new AppError('VALIDATION', { zh: '两名监销人须为不同的人', en: 'The two witnesses must be two different people' });
  if (logins.includes(normalizeLogin(session.record.login))) {
    throw new AppError('VALIDATION', { zh: '执行销毁的人不能兼任监销人', en: 'Whoever carries out the destruction cannot also witness it' });
  }
  const users: UserRecord[] = [];
  for (const [index, witness] of witnesses.entries()) {
    const user = findUserByLogin(db, logins[index] ?? '');
    const who = { zh: `第 ${index + 1} 名监销人`, en: `Witness ${index + 1}` };
    const failed = new AppError('WRONG_PASSWORD', { zh: `${who.zh}的用户名或密码错误`, en: `${who.en}: wrong user name or password` });
    try {
      // Counted under the witness's lockout, as at sign-in: this form must not become a way to guess a colleague's password.
      await provePassword({ paths: session.archive.paths, login: witness.login, frontDoor: ctx.frontDoor, now: () => ctx.env.now(), purpose: 'witness' }, witness.password);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSWORD') throw failed;
      if (error instanceof AppError && error.code === 'LOCKED') throw new AppError('LOCKED', { zh: `${who.zh}：${error.messageZh}`, en: `${who.en}: ${error.messageEn}` });
      throw error;
    }
    if (!user || user.status !== 'active') throw failed;
    users.push(user);
  }
  return users;
}

/**
 * Carries out an approved destruction list in one transaction: every dossier becomes 已销毁 (its
 * catalogue record and metadata stay, the list names it), its scans are recorded as erased, and
 * each step is audited. Only after the commit are the files removed from the store; a crash in
 * between leaves files nobody refers to, which verify collects.
 */
export async function carryOutDestruction(ctx: HandlerContext, input: CarryOutInput): Promise<DestructionListView> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const state = readableList(ctx, input.id);
  const number = state.list.number;
  if (state.state !== 'approved') {
    throw new AppError('CONFLICT', { zh: `销毁清册 ${number} 尚未审批通过或已执行`, en: `Destruction list ${number} is not approved, or was carried out already` });
  }
  const away = state.items.find((item) => item.status !== 'in-archive');
  if (away) throw new AppError('CONFLICT', { zh: `档案 ${away.archiveNumber} 不在库（${away.status === 'on-loan' ? '借出中' : '已处置'}），不能销毁`, en: `Dossier ${away.archiveNumber} is not in the archive and cannot be destroyed` });
  const dossiers = state.items.map((item) => ({ id: item.dossierId, archiveNumber: item.archiveNumber }));
  requireNotHeld(db, dossiers);
  const witnesses = await confirmWitnesses(ctx, input.witnesses);
  const at = ctx.env.now().toISOString();
  const erased = ctx.write(
    (db) => {
      const destructionId = insertDestruction(db, { listId: state.list.id, destroyedOn: input.destroyedOn, carriedOutBy: session.record.id, carriedOutAt: at }, witnesses.map((w) => w.id));
      for (const dossier of dossiers) {
        setDossierStatus(db, dossier.id, 'destroyed', at);
        ctx.auditWithin(db, { action: 'disposal:destroy', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { list: number, destroyedOn: input.destroyedOn } }, toActor(session.record));
      }
      const files = filesToErase(db, dossiers.map((d) => d.id));
      recordErasures(db, destructionId, files.map((f) => f.id));
      return files;
    },
    (files) => ({
      action: 'disposal:carry-out',
      target: { type: 'destruction-list', id: state.list.id, label: number },
      summary: { destroyedOn: input.destroyedOn, method: destructionMethodLabels[state.list.method].zh, dossiers: dossiers.length, erasedFiles: files.length, witnesses: witnesses.map((w) => w.displayName).join('、') },
    }),
  );
  const keys = scanKeys(session.archive.dataKey);
  try {
    eraseStoredFiles(ctx.env.paths.scans, keys.name, erased);
  } finally {
    wipeScanKeys(keys);
  }
  return listView(db, session, listState(db, state.list.id));
}
