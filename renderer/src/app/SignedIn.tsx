import '../zod-jitless';
import { useState } from 'react';
import { HashRouter } from 'react-router';
import { ForcedPasswordPage } from '../features/session/ForcedPasswordPage';
import { AppRoutes } from '../routes/AppRoutes';
import { ArchiveSettingsProvider } from './ArchiveSettings';
import { useSession } from './SessionProvider';

/** Who was signed in last in this window. */
let lastSignedIn: string | null = null;

/**
 * Everything after sign-in – the sections, their router, the shared schemas – is a chunk of its
 * own, so the first-run and sign-in screens do not wait for it.
 */
export function SignedIn() {
  const { session } = useSession();
  const login = session?.user.login ?? null;
  // Someone else signing in starts on their home page, not on the page the last user left open.
  useState(() => {
    if (lastSignedIn !== null && lastSignedIn !== login) window.history.replaceState(null, '', '#/');
    lastSignedIn = login;
  });
  return (
    <ArchiveSettingsProvider>
      <HashRouter>{session?.user.mustChangePassword ? <ForcedPasswordPage /> : <AppRoutes />}</HashRouter>
    </ArchiveSettingsProvider>
  );
}
