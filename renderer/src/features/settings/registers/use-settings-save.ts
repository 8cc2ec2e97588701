import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemSettings } from '../../../../../shared/contract';
import { useArchiveSettings } from '../../../app/ArchiveSettings';
import { call, errorText } from '../../../lib/api';
import { placeErrors } from '../../../lib/form-errors';
import { onForm } from './form-issues';
import { changedSettings } from './settings-changes';

/**
 * Saves a section's settings with settings:update – only the keys that differ from what is
 * stored – and reads the settings again. Throws what the core refused, for the caller to show.
 */
export function useSettingsSave() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings, reload } = useArchiveSettings();
  const save = async (next: Partial<SystemSettings>): Promise<void> => {
    const changes = changedSettings(settings, next);
    if (Object.keys(changes).length === 0) {
      void message.info(t('common.unchanged'));
      return;
    }
    await call('settings:update', changes);
    void message.success(t('common.saved'));
    reload();
  };
  return { settings, save };
}

/**
 * A section's form saved as a whole: what the core refuses is shown beside the fields its paths
 * name (after `toForm` turns a settings path into the form's), the rest in `failure` above the form.
 */
export function useFormSave(form: FormInstance, toForm: (path: string) => string = (path) => path) {
  const { i18n } = useTranslation();
  const { save } = useSettingsSave();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (next: Partial<SystemSettings>): Promise<void> => {
    setFailure(null);
    try {
      await save(next);
    } catch (error) {
      setFailure(placeErrors(form, onForm(error, form, toForm), i18n.language));
    }
  };
  return { submit, failure };
}

/** For actions without a form (restore the defaults, move a rule): a refusal becomes an error message. */
export function useSettingsAction() {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const { save } = useSettingsSave();
  return async (next: Partial<SystemSettings>): Promise<void> => {
    try {
      await save(next);
    } catch (error) {
      void message.error(errorText(error, i18n.language));
    }
  };
}
