import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../lib/use-channel';

interface Props {
  level: number;
  departmentCode: string | undefined;
  value?: string | null;
  onChange?: (login: string | null) => void;
  /** The one holding it now, shown even if the choice is being changed. */
  current?: { login: string; displayName: string } | null;
}

/** The people who may hold a dossier of this level and department (CF-01), by name and department. */
export function CustodianSelect({ level, departmentCode, value, onChange, current }: Props) {
  const { t } = useTranslation();
  const candidates = useChannel('user:custodian-candidates', { level, departmentCode: departmentCode ?? '' }, departmentCode !== undefined);
  const options = (candidates.data ?? []).map((c) => ({ value: c.login, label: `${c.displayName}（${c.login}${c.department ? `，${c.department.name}` : ''}）` }));
  if (current && !options.some((o) => o.value === current.login)) options.push({ value: current.login, label: `${current.displayName}（${current.login}）` });
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={candidates.loading}
      value={value ?? undefined}
      onChange={(login: string | undefined) => onChange?.(login ?? null)}
      options={options}
      placeholder={t('dossier.custodianPick')}
      notFoundContent={t('dossier.noCustodians')}
      data-testid="custodian-select"
    />
  );
}
