import { Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useCan } from '../app/ArchiveSettings';
import { useSession } from '../app/SessionProvider';
import { AppShell } from '../ui/AppShell';
import { REGISTER_READERS } from '../../../shared/register-readers';
import { DisposalPage, InboxPage, InspectionsPage, StatisticsPage, StocktakePage } from './sections';
import { BackupPage } from './sections';
import { ApprovalsPage, AuditPage, LoansPage, WorkbenchPage, CustomersPage, DossierListPage, LocationsPage, SettingsPage, IntakePage } from './sections';

/** The screens after sign-in; each only for those whose permissions open it. */
export function AppRoutes() {
  const can = useCan();
  const mayAdminister = (['org.manage', 'user.read', 'settings.manage', 'security.manage'] as const).some(can);
  const { session } = useSession();
  // Clerks and approvers start at their workbench (工作台); everyone else at the dossiers.
  const worksFromBench = can('dossier.read') && (session?.user.roles.includes('clerk') === true || can('approval.grant'));
  const home = worksFromBench ? '/workbench' : can('dossier.read') ? '/dossiers' : can('audit.read') ? '/audit' : '/settings';
  return (
    <AppShell>
      <Suspense
        fallback={
          <div className="page page-loading">
            <Spin />
          </div>
        }
      >
        <Routes>
          {can('dossier.read') && <Route path="/workbench" element={<WorkbenchPage />} />}
          {can('dossier.read') && <Route path="/dossiers" element={<DossierListPage />} />}
          {can('dossier.read') && <Route path="/customers" element={<CustomersPage />} />}
          {can('dossier.read') && <Route path="/locations" element={<LocationsPage />} />}
          {can('dossier.read') && <Route path="/approvals" element={<ApprovalsPage />} />}
          {(can('register.keep') || can('audit.read')) && <Route path="/intake" element={<IntakePage />} />}
          {can('dossier.read') && <Route path="/loans" element={<LoansPage />} />}
          {can('dossier.edit') && <Route path="/inbox" element={<InboxPage />} />}
          {REGISTER_READERS.some(can) && can('dossier.read') && <Route path="/stocktake" element={<StocktakePage />} />}
          {REGISTER_READERS.some(can) && can('dossier.read') && <Route path="/inspections" element={<InspectionsPage />} />}
          {(can('disposal.manage') || can('approval.grant')) && <Route path="/disposal" element={<DisposalPage />} />}
          {REGISTER_READERS.some(can) && <Route path="/statistics" element={<StatisticsPage />} />}
          {can('audit.read') && <Route path="/audit" element={<AuditPage />} />}
          {can('archive.backup') && <Route path="/backup" element={<BackupPage />} />}
          {mayAdminister && <Route path="/settings/*" element={<SettingsPage />} />}
          <Route path="*" element={<Navigate to={home} replace />} />
        </Routes>
      </Suspense>
    </AppShell>
  );
}
