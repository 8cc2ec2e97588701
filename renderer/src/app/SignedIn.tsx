import '../zod-jitless';
import { HashRouter } from 'react-router';
import { ForcedPasswordPage } from '../features/session/ForcedPasswordPage';
import { AppRoutes } from '../routes/AppRoutes';
import { ArchiveSettingsProvider } from './ArchiveSettings';
import { useSession } from './SessionProvider';

/**
 * Everything after sign-in – the sections, their router, the shared schemas – is a chunk of its
 * own, so the first-run and sign-in screens do not wait for it.
 */
export function SignedIn() {
  const { session } = useSession();
  return (
    <ArchiveSettingsProvider>
      <HashRouter>{session?.user.mustChangePassword ? <ForcedPasswordPage /> : <AppRoutes />}</HashRouter>
    </ArchiveSettingsProvider>
  );
}
