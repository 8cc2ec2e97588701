import { Alert, App, Button, Calendar, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarListDay, CalendarYear } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { CalendarDayDialog } from './CalendarDayDialog';
import { dayName } from './calendar-day-name';

/** Years offered in the picker: from the first shipped year to a few years ahead (next year's notice comes in late autumn). */
function yearsToOffer(known: CalendarYear | undefined, shown: number): number[] {
  const first = Math.min(known?.shippedYears.first ?? shown, shown);
  const last = Math.max(dayjs().year() + 3, shown);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function YearBanner({ year, mayEdit, onConfirmed }: { year: CalendarYear; mayEdit: boolean; onConfirmed: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  if (year.confirmation === 'package') {
    return <Alert type="info" showIcon className="form-alert" title={t('calendar.shipped', { year: year.year, first: year.shippedYears.first, last: year.shippedYears.last })} />;
  }
  if (year.confirmed) return <Alert type="success" showIcon className="form-alert" title={t('calendar.confirmedByAdmin', { year: year.year })} />;
  const confirm = async () => {
    try {
      await call('calendar:confirm-year', { year: year.year });
      void message.success(t('calendar.confirmed', { year: year.year }));
      onConfirmed();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };
  const entered = year.days.some((day) => day.source === 'administrator');
  return (
    <Alert
      type="warning"
      showIcon
      className="form-alert"
      data-testid="calendar-unconfirmed"
      title={t('calendar.unconfirmed', { year: year.year })}
      action={
        mayEdit && (
          <Popconfirm title={t(entered ? 'calendar.confirmYearQuestion' : 'calendar.confirmYearEmpty', { year: year.year })} onConfirm={() => void confirm()} okText={t('common.confirm')} cancelText={t('common.cancel')}>
            <Button type="primary" data-testid="calendar-confirm-year">
              {t('calendar.confirmYear', { year: year.year })}
            </Button>
          </Popconfirm>
        )
      }
    />
  );
}

/** What a day's cell shows: off (休) or worked (班), the holiday's name, and whether an administrator entered it. */
function DayMark({ entry }: { entry: CalendarListDay }) {
  const { t, i18n } = useTranslation();
  return (
    <Space size={2} wrap>
      <Tag color={entry.workday ? 'blue' : 'red'} variant="solid">
        {entry.workday ? t('calendar.workday') : t('calendar.holiday')}
      </Tag>
      {entry.name && <Typography.Text>{dayName(entry, i18n.language)}</Typography.Text>}
      {entry.source === 'administrator' && <Tag color="gold">{t('calendar.entered')}</Tag>}
    </Space>
  );
}

/** The working-day calendar: public holidays and make-up workdays per year, kept by the administrator. */
export function CalendarTab() {
  const { t } = useTranslation();
  const mayEdit = useCan()('settings.manage');
  const [shown, setShown] = useState<Dayjs>(() => dayjs());
  const [editing, setEditing] = useState<string | null>(null);
  const year = useChannel('calendar:list', { year: shown.year() });
  const days = useMemo(() => new Map((year.data?.days ?? []).map((day) => [day.day, day])), [year.data]);

  return (
    <>
      {year.data && year.data.year === shown.year() && <YearBanner year={year.data} mayEdit={mayEdit} onConfirmed={year.reload} />}
      <Typography.Paragraph type="secondary">{mayEdit ? t('calendar.clickHint') : t('calendar.readOnly')}</Typography.Paragraph>
      <Calendar
        value={shown}
        onSelect={(date, { source }) => {
          setShown(date);
          if (source === 'date' && mayEdit) setEditing(date.format('YYYY-MM-DD'));
        }}
        headerRender={({ value, onChange }) => (
          <Space className="settings-toolbar" wrap>
            <Select
              data-testid="calendar-year"
              aria-label={t('calendar.year')}
              showSearch
              virtual={false}
              style={{ width: 110 }}
              value={value.year()}
              options={yearsToOffer(year.data, value.year()).map((y) => ({ value: y, label: String(y) }))}
              onChange={(y: number) => onChange(value.year(y))}
            />
            <Select
              data-testid="calendar-month"
              aria-label={t('calendar.month')}
              virtual={false}
              style={{ width: 100 }}
              value={value.month()}
              options={Array.from({ length: 12 }, (_, m) => ({ value: m, label: value.month(m).format('MMM') }))}
              onChange={(m: number) => onChange(value.month(m))}
            />
            <Button onClick={() => onChange(dayjs())}>{t('calendar.thisMonth')}</Button>
            <Tag color="red" variant="solid">
              {t('calendar.holiday')}
            </Tag>
            <Typography.Text type="secondary">{t('calendar.legendHoliday')}</Typography.Text>
            <Tag color="blue" variant="solid">
              {t('calendar.workday')}
            </Tag>
            <Typography.Text type="secondary">{t('calendar.legendMakeUp')}</Typography.Text>
            <Tag color="gold">{t('calendar.entered')}</Tag>
            <Typography.Text type="secondary">{t('calendar.legendEntered')}</Typography.Text>
          </Space>
        )}
        cellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const day = date.format('YYYY-MM-DD');
          const entry = days.get(day);
          return (
            <div data-testid={`calendar-day-${day}`} style={{ height: '100%' }}>
              {entry && <DayMark entry={entry} />}
            </div>
          );
        }}
      />
      <CalendarDayDialog day={editing} entry={editing ? days.get(editing) : undefined} onClose={() => setEditing(null)} onChanged={year.reload} />
    </>
  );
}
