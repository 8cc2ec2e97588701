import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage, type Language } from '../i18n';

/** 简体中文 / English; `className` lets a dark header give it light text. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const current = languages.find((l) => l.code === currentLanguage()) ?? languages[0];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current.code],
        items: languages.map((l) => ({ key: l.code, label: l.label })),
        onClick: ({ key }) => setLanguage(key as Language),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('shell.language')} data-testid="language-switch" className={className}>
        {current.label}
      </Button>
    </Dropdown>
  );
}
