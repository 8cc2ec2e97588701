import { Navigate, Route, Routes } from 'react-router';
import { DossierListPage } from '../features/dossier/DossierListPage';
import { AppShell } from '../ui/AppShell';

/** The screens after sign-in. */
export function AppRoutes() {
  return (
    <AppShell>
      <Routes>
        <Route path="/dossiers" element={<DossierListPage />} />
        <Route path="*" element={<Navigate to="/dossiers" replace />} />
      </Routes>
    </AppShell>
  );
}
