import { lazyNamed } from '../lib/lazy';

// The sections after sign-in, each a chunk of its own, loaded when first opened.
export const DossierListPage = lazyNamed(() => import('../features/dossier/DossierListPage'), 'DossierListPage');
export const CustomersPage = lazyNamed(() => import('../features/customers/CustomersPage'), 'CustomersPage');
export const LocationsPage = lazyNamed(() => import('../features/locations/LocationsPage'), 'LocationsPage');
export const AuditPage = lazyNamed(() => import('../features/audit/AuditPage'), 'AuditPage');
export const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage'), 'SettingsPage');
export const ApprovalsPage = lazyNamed(() => import('../features/approvals/ApprovalsPage'), 'ApprovalsPage');
export const LoansPage = lazyNamed(() => import('../features/loans/LoansPage'), 'LoansPage');
export const IntakePage = lazyNamed(() => import('../features/intake/IntakePage'), 'IntakePage');
export const StatisticsPage = lazyNamed(() => import('../features/statistics/StatisticsPage'), 'StatisticsPage');
export const InboxPage = lazyNamed(() => import('../features/inbox/InboxPage'), 'InboxPage');
export const WorkbenchPage = lazyNamed(() => import('../features/workbench/WorkbenchPage'), 'WorkbenchPage');
export const StocktakePage = lazyNamed(() => import('../features/stocktake/StocktakePage'), 'StocktakePage');
export const DisposalPage = lazyNamed(() => import('../features/disposal/DisposalPage'), 'DisposalPage');
export const InspectionsPage = lazyNamed(() => import('../features/inspections/InspectionsPage'), 'InspectionsPage');
export const BackupPage = lazyNamed(() => import('../features/backup/BackupPage'), 'BackupPage');
