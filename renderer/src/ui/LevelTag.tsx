import { Tag } from 'antd';
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
