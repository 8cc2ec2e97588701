import { App, Button, Form, Input, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDayKind, CalendarListDay } from '../../../../shared/contract';
import { call, errorText } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';
import { dayName } from './calendar-day-name';

interface Values {
  kind: CalendarDayKind;
  name?: string;
}

interface CalendarDayDialogProps {
  /** The day being set (YYYY-MM-DD), or null while closed. */
  day: string | null;
  /** How the calendar has it, if it names it; a plain day follows the weekend rule. */
  entry: CalendarListDay | undefined;
  onClose: () => void;
  onChanged: () => void;
}

/** Sets one day a workday or a holiday, with a name – or reverts an administrator's entry to the shipped calendar. */
export function CalendarDayDialog({ day, entry, onClose, onChanged }: CalendarDayDialogProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const date = day ? dayjs(day) : null;
  const workdayNow = entry?.workday ?? !(date?.day() === 0 || date?.day() === 6);
  const stateText = (workday: boolean, name: string | null) => [workday ? t('calendar.kindWorkday') : t('calendar.kindHoliday'), name].filter(Boolean).join(' ');

  const save = async (values: Values) => {
    if (!day) return;
    await call('calendar:set', { day, kind: values.kind, name: values.name?.trim() ? values.name.trim() : null });
    void message.success(t('calendar.saved', { day }));
    onChanged();
    onClose();
  };

  const revert = async () => {
    if (!day) return;
    try {
      await call('calendar:unset', { day });
      void message.success(t('calendar.reverted', { day }));
      onChanged();
      onClose();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };

  return (
    <FormDialog<Values>
      open={day !== null}
      title={date ? `${day ?? ''} ${date.format('dddd')}` : ''}
      testId="calendar-day-dialog"
      initialValues={{ kind: workdayNow ? 'workday' : 'holiday', name: entry?.name ?? '' }}
      onSubmit={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('calendar.now', { state: stateText(workdayNow, entry ? dayName(entry, i18n.language) : null), source: t(`calendar.sources.${entry?.source ?? 'weekend-rule'}`) })}
      </Typography.Paragraph>
      <Form.Item name="kind" label={t('calendar.kind')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'workday', label: t('calendar.kindWorkday') },
            { value: 'holiday', label: t('calendar.kindHoliday') },
          ]}
        />
      </Form.Item>
      <Form.Item name="name" label={t('calendar.name')} rules={[{ max: 32, message: t('common.tooLong', { field: t('calendar.name'), max: 32 }) }]}>
        <Input placeholder={t('calendar.namePlaceholder')} maxLength={32} />
      </Form.Item>
      {entry?.shipped && (
        <Space>
          <Button danger onClick={() => void revert()} data-testid="calendar-revert">
            {t('calendar.revert')}
          </Button>
          <Typography.Text type="secondary">{t('calendar.revertsTo', { state: stateText(entry.shipped.workday, entry.shipped.name) })}</Typography.Text>
        </Space>
      )}
    </FormDialog>
  );
}
