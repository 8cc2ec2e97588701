import { useTranslation } from 'react-i18next';
import type { DossierTypeView, InputOf } from '../../../../shared/contract';
import { useArchiveSettings } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { useChannel } from '../../lib/use-channel';
import { FormDialog } from '../../ui/FormDialog';
import { CreateDossierFields, newDossierInput, type NewDossierValues } from '../dossier/CreateDossierDialog';

interface Props {
  open: boolean;
  /** The handing department: the new dossier is filed under it unless another is chosen. */
  departmentCode: string | undefined;
  onClose: () => void;
  onOpened: (input: InputOf<'dossier:create'>, type: DossierTypeView | null) => void;
}

/**
 * A dossier opened at the hand-over: the new-dossier form, whose dossier is created with the
 * intake – numbered when the intake is registered, and not at all if it is not.
 */
export function OpenDossierDialog({ open, departmentCode, onClose, onOpened }: Props) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const { session } = useSession();
  const types = useChannel('type:list', {}, open);
  const submit = (values: NewDossierValues) => {
    onOpened(newDossierInput(values), types.data?.find((type) => type.key === values.typeKey) ?? null);
    return Promise.resolve();
  };
  return (
    <FormDialog<NewDossierValues>
      open={open}
      width={760}
      title={t('intake.openHereTitle')}
      okText={t('intake.openHereOk')}
      requiredMark
      testId="open-dossier-dialog"
      initialValues={{ typeKey: 'vehicle-new', level: Math.min(settings.defaultDossierLevel, session?.user.clearance ?? 0), ...(departmentCode ? { departmentCode } : {}) }}
      onSubmit={submit}
      onClose={onClose}
    >
      {(form) => <CreateDossierFields form={form} />}
    </FormDialog>
  );
}
