import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DefaultState } from './settings-changes';

const colors: Record<DefaultState, string> = { default: 'default', changed: 'gold', own: 'blue' };

/** 默认 / 已修改 / 自定义 beside a rule: how it stands to the shipped defaults. */
export function DefaultTag({ state }: { state: DefaultState }) {
  const { t } = useTranslation();
  return <Tag color={colors[state]}>{t(`registerSettings.state.${state}`)}</Tag>;
}
