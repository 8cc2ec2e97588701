import { app } from './zh-CN/app';
import { common } from './zh-CN/common';
import { fields } from './zh-CN/fields';
import { setup } from './zh-CN/setup';
import { login } from './zh-CN/login';
import { condition } from './zh-CN/condition';
import { shell } from './zh-CN/shell';
import { password } from './zh-CN/password';
import { dossier } from './zh-CN/dossier';
import { catalogue } from './zh-CN/catalogue';
import { importer } from './zh-CN/importer';
import { locations } from './zh-CN/locations';
import { customers } from './zh-CN/customers';
import { workbench } from './zh-CN/workbench';
import { registers } from './zh-CN/registers';
import { statistics } from './zh-CN/statistics';
import { loans } from './zh-CN/loans';
import { notices } from './zh-CN/notices';
import { approvals } from './zh-CN/approvals';
import { intake } from './zh-CN/intake';
import { signature } from './zh-CN/signature';
import { audit } from './zh-CN/audit';
import { types } from './zh-CN/types';
import { calendar } from './zh-CN/calendar';
import { registerSettings } from './zh-CN/registerSettings';
import { settings } from './zh-CN/settings';

/** Simplified Chinese: the primary language. Every key here must exist in en.ts (typechecked). */
export const zhCN = { app, common, fields, setup, login, condition, shell, password, dossier, catalogue, importer, locations, customers, workbench, registers, statistics, loans, notices, approvals, intake, signature, audit, types, calendar, registerSettings, settings } as const;
