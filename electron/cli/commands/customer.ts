import type { Command } from 'commander';
import type { CustomerDetail, CustomerSummary, InputOf } from '../../../shared/contract';
import { customerKindLabels, customerKinds, type CustomerKind } from '../../../shared/customers';
import { splitPhones } from '../../../shared/phones';
import { allPages } from '../all-pages';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import { collectField, fieldsByKey, fieldsFileOption, givenFields, type FieldOptions } from '../field-options';
import type { GivenField } from '../fields-file';
import { parsePositive } from '../number-option';
import type { Run } from '../program';

type CustomerChanges = Omit<InputOf<'customer:update'>, 'id'>;

/** What `--field` may set, by key or Chinese label. */
const CUSTOMER_FIELDS: Record<keyof CustomerChanges, string> = {
  name: '名称',
  category: '类别',
  ownership: '所有制',
  supervisingBody: '主管单位',
  address: '地址',
  contact: '联系人',
  phones: '电话',
  idCode: '证件号',
  creditStatus: '信用状况',
  remarks: '备注',
};

function customerFieldKey(name: string): keyof CustomerChanges {
  const key = (Object.keys(CUSTOMER_FIELDS) as (keyof CustomerChanges)[]).find((k) => k === name || CUSTOMER_FIELDS[k] === name);
  if (!key) {
    const known = Object.entries(CUSTOMER_FIELDS).map(([k, label]) => `${k}（${label}）`).join(', ');
    throw cliError('VALIDATION', `没有客户字段“${name}”，可用：${known}`, `There is no customer field "${name}"; known: ${known}`);
  }
  return key;
}

/** Given fields as customer changes; an empty value clears the field, phones are a list. */
function customerChanges(given: readonly GivenField[]): CustomerChanges {
  const changes: Record<string, unknown> = {};
  for (const [key, raw] of fieldsByKey(given, customerFieldKey)) {
    const value = raw.trim();
    changes[key] = key === 'phones' ? splitPhones(value) : key === 'name' ? value : value || null;
  }
  return changes;
}

function customerLine(c: CustomerSummary): string {
  return [c.id, c.name, customerKindLabels[c.kind].zh, c.phones.join('，') || '—', c.department.code, `${c.dossierCount} 份档案`].join('\t');
}

function describeCustomer(c: CustomerDetail): string {
  const lines = [
    `编号 / id\t${c.id}`,
    `名称 / name\t${c.name}（${customerKindLabels[c.kind].zh}）`,
    `电话 / phones\t${c.phones.join('，') || '—'}`,
    `地址 / address\t${c.address ?? '—'}`,
    `联系人 / contact\t${c.contact ?? '—'}`,
    `类别 / category\t${c.category ?? '—'}`,
    `证件号 / ID code\t${c.hasIdCode ? '●●●●（敏感信息，用 UI 查看并留痕） / masked' : '—'}`,
    `部门 / department\t${c.department.name}（${c.department.code}）`,
  ];
  if (c.kind === 'organisation') lines.push(`所有制 / ownership\t${c.ownership ?? '—'}`, `主管单位 / supervising body\t${c.supervisingBody ?? '—'}`);
  if (c.creditStatus) lines.push(`信用状况 / credit\t${c.creditStatus}`);
  if (c.remarks) lines.push(`备注 / remarks\t${c.remarks}`);
  lines.push('', `档案 / dossiers: ${c.dossiers.length}`, ...c.dossiers.map((d) => `  ${d.archiveNumber}\t${d.title}`));
  lines.push('', `往来记录 / timeline: ${c.records.length}`, ...c.records.map((r) => `  ${r.recordedOn}\t${r.kind}\t${r.text}`));
  return lines.join('\n');
}

function customerId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) throw cliError('VALIDATION', `客户编号应为正整数：“${text}”`, `A customer id is a positive whole number: "${text}"`);
  return id;
}

function allCustomers(session: CliSession, query: string | undefined, limit: number): Promise<CustomerSummary[]> {
  return allPages((cursor, size) => session.call('customer:list', { ...(query ? { query } : {}), ...(cursor ? { cursor } : {}), limit: size }), 200, limit);
}

export function registerCustomerCommands(program: Command, run: Run): void {
  const customer = program.command('customer').description('客户 / customers');

  customer
    .command('list')
    .description('列出客户（最新在前） / list customers, newest first')
    .option('--query <q>', '名称、拼音、电话或地址中的文字 / text in the name, its pinyin, phones or address')
    .option('--limit <n>', '最多列出几条 / list at most n', parsePositive)
    .action(run(async (session, options: { query?: string; limit?: number }) => {
      await session.signIn();
      const items = await allCustomers(session, options.query, options.limit ?? Number.POSITIVE_INFINITY);
      await session.show(items, (shown) => (shown.length === 0 ? '（无客户 / no customers）' : shown.map(customerLine).join('\n')));
    }));

  customer
    .command('show <id>')
    .description('显示一位客户：信息、档案、往来记录 / show a customer: details, dossiers, timeline')
    .action(run(async (session, id: string) => {
      await session.signIn();
      const detail = await session.call('customer:get', { id: customerId(id) });
      await session.show(detail, describeCustomer);
    }));

  customer
    .command('add')
    .description('新建客户（已有同一客户则拒绝） / add a customer (refused if the customer is already on file)')
    .option('--name <name>', '名称（或字段 name） / name (or the field name)')
    .option('--kind <kind>', `个人或单位：${customerKinds.join('、')}（默认 person） / person or organisation`)
    .option('--department <code>', '所属部门代码（默认：本人部门） / department (default: your own)')
    .option('--field <key=value>', '其他字段，可重复 / further fields, repeatable', collectField)
    .addOption(fieldsFileOption())
    .action(run(async (session, options: FieldOptions & { name?: string; kind?: string; department?: string }) => {
      const kind = (options.kind ?? 'person') as CustomerKind;
      if (!customerKinds.includes(kind)) throw cliError('VALIDATION', `客户类型应为 ${customerKinds.join('、')} 之一`, `The kind is one of ${customerKinds.join(', ')}`);
      const { phones, name, ...rest } = customerChanges(await givenFields(session, options));
      const customerName = options.name ?? name;
      if (customerName === undefined || (options.name !== undefined && name !== undefined)) {
        throw cliError('VALIDATION', '客户名称用 --name 或字段 name（名称）给出，且只给一次', 'Give the customer’s name once: --name or the field name (名称)');
      }
      await session.signIn();
      const created = await session.call('customer:create', { ...rest, kind, name: customerName, phones: phones ?? [], ...(options.department ? { departmentCode: options.department } : {}) });
      await session.show(created, (c) => String(c.id));
    }));

  customer
    .command('update <id>')
    .description('更正客户信息，输出更正后的客户 / correct a customer and print it')
    .option('--field <key=value>', `字段，可重复；空值清除：${Object.entries(CUSTOMER_FIELDS).map(([k, l]) => `${k}（${l}）`).join(', ')} / a field, repeatable; empty clears it`, collectField)
    .addOption(fieldsFileOption())
    .action(run(async (session, id: string, options: FieldOptions) => {
      const changes = customerChanges(await givenFields(session, options));
      if (Object.keys(changes).length === 0) throw cliError('VALIDATION', '请用 --field 或 --fields-file 指定要更正的字段', 'Name the fields to correct with --field or --fields-file');
      await session.signIn();
      const detail = await session.call('customer:update', { id: customerId(id), ...changes });
      await session.show(detail, describeCustomer);
    }));
}
