import type { intakeContract } from '../../../shared/contract';
import { addIntake } from '../services/intakes/add-intake';
import { intakeBook, intakeEntry, intakeShortages } from '../services/intakes/intake-queries';
import type { HandlersFor } from './types';

export const intakeHandlers: HandlersFor<typeof intakeContract> = {
  'intake:add': (ctx, input) => addIntake(ctx, input),
  'intake:list': (ctx, input) => intakeBook(ctx, input),
  'intake:get': (ctx, input) => intakeEntry(ctx, input.id),
  'intake:shortages': (ctx, input) => intakeShortages(ctx, input),
};
