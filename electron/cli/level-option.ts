import { parseLevel } from '../../shared/levels';
import { cliError } from './cli-error';
import type { CliSession } from './cli-session';

/** A level given by name (机密), letter grade (A) or rank (3), checked against the archive's scale. */
export async function levelFromOption(session: CliSession, text: string): Promise<number> {
  const { levels } = await session.settings();
  const rank = parseLevel(levels, text);
  if (rank !== null) return rank;
  const known = levels.map((l, i) => `${i}=${l.name}${l.grade ? `/${l.grade}` : ''}`).join(', ');
  throw cliError('VALIDATION', `未知的密级“${text}”，可用：${known}`, `Unknown level "${text}"; known: ${known}`);
}

export async function levelName(session: CliSession, rank: number): Promise<string> {
  return (await session.settings()).levels[rank]?.name ?? String(rank);
}
