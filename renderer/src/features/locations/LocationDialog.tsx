import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocationView } from '../../../../shared/contract';
import { childKind, locationKindLabels } from '../../../../shared/locations';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';

/** Adding a place inside `parent` (a room when null), or editing `editing`. */
export type LocationDialogMode = { kind: 'add'; parent: LocationView | null } | { kind: 'edit'; location: LocationView };

interface Values {
  code: string;
  name: string;
  position?: number;
  note?: string;
}

export function LocationDialog({ mode, onClose, onSaved }: { mode: LocationDialogMode | null; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const newKind = mode?.kind === 'add' ? childKind(mode.parent?.kind ?? null) : null;
  const title = mode?.kind === 'edit' ? t('locations.editTitle', { code: mode.location.fullCode }) : newKind ? t('locations.newTitle', { kind: english ? locationKindLabels[newKind].en : locationKindLabels[newKind].zh }) : '';

  const submit = async (values: Values) => {
    if (!mode) return;
    const common = { code: values.code.trim(), name: values.name.trim(), ...(values.position ? { position: values.position } : {}), note: values.note?.trim() || null };
    if (mode.kind === 'add') await call('location:create', { parentId: mode.parent?.id ?? null, ...common });
    else await call('location:update', { id: mode.location.id, ...common });
    onSaved();
  };

  const initial: Partial<Values> = mode?.kind === 'edit' ? { code: mode.location.code, name: mode.location.name, position: mode.location.position, note: mode.location.note ?? '' } : {};
  return (
    <FormDialog<Values> open={mode !== null} title={title} initialValues={initial} onSubmit={submit} onClose={onClose} testId="location-dialog">
      <Form.Item name="code" label={t('locations.code')} rules={[{ required: true, pattern: /^[\p{L}\p{N}]{1,16}$/u, message: t('common.required', { field: t('locations.code') }) }]}>
        <Input maxLength={16} data-testid="location-code" />
      </Form.Item>
      <Form.Item name="name" label={t('locations.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('locations.name') }) }]}>
        <Input maxLength={40} data-testid="location-name" />
      </Form.Item>
      <Form.Item name="position" label={t('locations.position')}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
      <Form.Item name="note" label={t('locations.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}
