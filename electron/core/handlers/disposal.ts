import type { disposalContract } from '../../../shared/contract';
import { appraise } from '../services/disposal/appraise';
import { awaitingList } from '../services/disposal/awaiting';
import { carryOutDestruction } from '../services/disposal/carry-out';
import { createDestructionList } from '../services/disposal/create-list';
import { decideDestructionList } from '../services/disposal/decide-list';
import { getDestructionList, listDestructionLists } from '../services/disposal/list-view';
import { printDestructionList } from '../services/disposal/print-list';
import { retentionDue } from '../services/disposal/retention-due';
import type { HandlersFor } from './types';

export const disposalHandlers: HandlersFor<typeof disposalContract> = {
  'retention:due': (ctx, input) => retentionDue(ctx, input),
  'appraisal:decide': (ctx, input) => appraise(ctx, input),
  'disposal:awaiting': (ctx) => awaitingList(ctx),
  'disposal:list': (ctx) => listDestructionLists(ctx),
  'disposal:get': (ctx, input) => getDestructionList(ctx, input.id),
  'disposal:create': (ctx, input) => createDestructionList(ctx, input),
  'disposal:decide': (ctx, input) => decideDestructionList(ctx, input),
  'disposal:carry-out': (ctx, input) => carryOutDestruction(ctx, input),
  'disposal:print': (ctx, input) => printDestructionList(ctx, input.id),
};
