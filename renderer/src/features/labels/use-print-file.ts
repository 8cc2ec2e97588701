import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFile } from '../../../../shared/contract';
import { call, errorText } from '../../lib/api';
import { saveExport } from '../../lib/download';
import type { LabelChoice } from './LabelDialog';

/** Makes a printable in the core and saves it, saying so; `busy` while it is made. */
export function usePrintFile() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const print = async (make: () => Promise<ExportFile>): Promise<boolean> => {
    setBusy(true);
    try {
      const file = await make();
      saveExport(file);
      void message.success(t('dossier.exported', { file: file.fileName }));
      return true;
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const printLabels = (archiveNumbers: string[], choice: LabelChoice) => print(() => call('label:print', { archiveNumbers, ...choice }));
  return { busy, print, printLabels };
}
