import { describe, expect, it } from 'vitest';
import { deskAction, type DeskEntry } from './desk-action';

const entry = (requestId: number, requesterLogin: string | null, kind: DeskEntry['kind'] = 'loan', state: DeskEntry['state'] = 'approved'): DeskEntry => ({
  requestId,
  position: requestId,
  state,
  kind,
  requester: requesterLogin ?? '赵律师（某律师事务所）',
  requesterLogin,
  requestedAt: '2026-11-02T01:00:00.000Z',
  periodDays: 2,
});

describe('what the desk offers for a queue entry', () => {
  it('hands out the first approved entry when the dossier is in, and nothing for those behind it', () => {
    const queue = [entry(1, 'zhou', 'loan', 'pending'), entry(2, 'li'), entry(3, 'wu')];
    expect(queue.map((e) => deskAction({ openLoan: null, queue }, e))).toEqual([null, 'checkout', null]);
  });

  it('offers 续借 while the dossier is out when the first approved entry is a loan by its holder', () => {
    const renewal = [entry(4, 'li'), entry(5, 'wu')];
    expect(renewal.map((e) => deskAction({ openLoan: { borrower: { login: 'li' } }, queue: renewal }, e))).toEqual(['renew', null]);
  });

  it('offers passing it on (转借) while it is out to someone else – to a colleague or an outsider; nothing for the holder’s own consultation', () => {
    const out = { openLoan: { borrower: { login: 'li' } } };
    for (const first of [entry(6, 'wu'), entry(8, null)]) expect(deskAction({ ...out, queue: [first] }, first)).toBe('pass-on');
    const own = entry(7, 'li', 'consultation');
    expect(deskAction({ ...out, queue: [own] }, own)).toBeNull();
    const outsider = entry(9, null);
    expect(deskAction({ openLoan: { borrower: null }, queue: [outsider] }, outsider)).toBe('pass-on');
  });
});
