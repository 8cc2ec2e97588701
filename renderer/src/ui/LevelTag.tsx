import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLevels } from '../app/ArchiveSettings';

/** A confidentiality level: red when marked (机密, 绝密), orange when classified, plain otherwise. */
export function LevelTag({ rank }: { rank: number }) {
  const { label, level } = useLevels();
  const { marked, classified } = level(rank);
  return (
    <Tag color={marked ? 'red' : classified ? 'orange' : 'default'} variant={marked ? 'solid' : 'outlined'} data-testid="level-tag">
      {label(rank)}
    </Tag>
  );
}

/** The remark column's mark of a marked level (CF-01), in the interface's language where the level has a name for it. */
export function LevelRemark({ rank, remark }: { rank: number; remark: string | null }) {
  const { i18n } = useTranslation();
  const { level } = useLevels();
  if (!remark) return null;
  const named = level(rank).nameEn;
  return <span className="remark-marked">{i18n.language === 'en' && named ? named : remark}</span>;
}
