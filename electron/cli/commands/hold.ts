import type { Command } from 'commander';
import type { HoldView } from '../../../shared/contract';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import type { Run } from '../program';

export function holdLine(hold: HoldView): string {
  const placed = `${hold.archiveNumber}\t第 ${hold.id} 号 / no. ${hold.id}\t${hold.reason}${hold.caseNumber ? `\t案号 / case ${hold.caseNumber}` : ''}\t${hold.placedBy} ${hold.placedAt}`;
  return hold.lift ? `${placed}\t已解除 / lifted: ${hold.lift.reason}, ${hold.lift.liftedBy} ${hold.lift.liftedAt}` : placed;
}

/** The hold to lift: the dossier's only hold in force, or the one `--hold` names. */
async function holdToLift(session: CliSession, archiveNumber: string, holdId: number | undefined): Promise<number> {
  const inForce = (await session.call('hold:of', { archiveNumber })).filter((hold) => hold.lift === null);
  if (inForce.length === 0) throw cliError('CONFLICT', `档案 ${archiveNumber} 没有在保全中`, `Dossier ${archiveNumber} is not under legal hold`);
  if (holdId !== undefined) {
    if (!inForce.some((hold) => hold.id === holdId)) throw cliError('NOT_FOUND', `档案 ${archiveNumber} 没有在保全中的第 ${holdId} 号保全`, `Dossier ${archiveNumber} has no legal hold no. ${holdId} in force`);
    return holdId;
  }
  const [only, ...more] = inForce;
  if (!only || more.length > 0) {
    throw cliError('VALIDATION', `档案 ${archiveNumber} 有 ${inForce.length} 项保全（${inForce.map((h) => h.id).join('、')}），请用 --hold 指定`, `Dossier ${archiveNumber} has ${inForce.length} holds (${inForce.map((h) => h.id).join(', ')}); name one with --hold`);
  }
  return only.id;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw cliError('VALIDATION', `保全编号应为正整数：“${value}”`, `A hold number is a positive whole number: "${value}"`);
  return n;
}

export function registerHoldCommands(program: Command, run: Run): void {
  const hold = program.command('hold').description('诉讼保全：保全中的档案不能鉴定、销毁或移除页面 / legal hold: a held dossier cannot be appraised, destroyed or lose pages');

  hold
    .command('place <archive-number>')
    .description('对档案采取诉讼保全 / place a legal hold on a dossier')
    .requiredOption('--reason <text>', '保全原因（如法院调取证据通知） / why (e.g. the court’s letter)')
    .option('--case <case-number>', '案号 / the case number')
    .action(run(async (session, archiveNumber: string, options: { reason: string; case?: string }) => {
      await session.signIn();
      const placed = await session.call('hold:place', { archiveNumber, reason: options.reason, ...(options.case ? { caseNumber: options.case } : {}) });
      session.print(`已保全 / held: ${holdLine(placed)}`, placed);
    }));

  hold
    .command('lift <archive-number>')
    .description('解除档案的诉讼保全（有多项时用 --hold 指定） / lift a dossier’s legal hold (name it with --hold when there are several)')
    .requiredOption('--reason <text>', '解除原因（如已结案） / why (e.g. the case is closed)')
    .option('--hold <id>', '保全编号 / the hold’s number', positive)
    .action(run(async (session, archiveNumber: string, options: { reason: string; hold?: number }) => {
      await session.signIn();
      const lifted = await session.call('hold:lift', { holdId: await holdToLift(session, archiveNumber, options.hold), reason: options.reason });
      session.print(`已解除 / lifted: ${holdLine(lifted)}`, lifted);
    }));

  hold
    .command('list')
    .description('保全中的档案（--all 含已解除的） / dossiers under legal hold (--all: lifted holds too)')
    .option('--all', '含已解除的保全 / lifted holds too')
    .action(run(async (session, options: { all?: boolean }) => {
      await session.signIn();
      const holds = await session.call('hold:list', { inForceOnly: !options.all });
      session.print(holds.length > 0 ? holds.map(holdLine).join('\n') : '没有保全中的档案 / no dossier is under legal hold', holds);
    }));
}
