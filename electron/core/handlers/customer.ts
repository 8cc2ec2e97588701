import type { customerContract } from '../../../shared/contract';
import { addCustomerRecord, changeCustomer, createCustomer, fileUnderCustomer, getCustomer, listCustomers, revealCustomerId } from '../services/customers/customers';
import type { HandlersFor } from './types';

export const customerHandlers: HandlersFor<typeof customerContract> = {
  'customer:list': (ctx, input) => listCustomers(ctx, input),
  'customer:get': (ctx, input) => getCustomer(ctx, input.id),
  'customer:create': (ctx, input) => createCustomer(ctx, input),
  'customer:update': (ctx, input) => changeCustomer(ctx, input),
  'customer:reveal-id': (ctx, input) => revealCustomerId(ctx, input.id),
  'customer:add-record': (ctx, input) => addCustomerRecord(ctx, input),
  'dossier:link-customer': (ctx, input) => fileUnderCustomer(ctx, input, true),
  'dossier:unlink-customer': (ctx, input) => fileUnderCustomer(ctx, input, false),
};
