import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './api';

/**
 * Runs an action of the user's: a failure becomes an error message (in the current language), a
 * success text a confirmation; `busy` while it runs.
 */
export function useAttempt() {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const attempt = async (work: () => Promise<unknown>, done?: string): Promise<void> => {
    setBusy(true);
    try {
      await work();
      if (done) void message.success(done);
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return { attempt, busy };
}
