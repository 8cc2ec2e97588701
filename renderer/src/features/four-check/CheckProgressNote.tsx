import { Progress } from 'antd';
import type { CheckProgress } from '../../../../shared/contract';

/** How far a running check is, once it has said so. */
export function CheckProgressNote({ progress }: { progress: CheckProgress | null }) {
  if (!progress?.running || progress.total === 0) return null;
  return <Progress percent={Math.floor((progress.done / progress.total) * 100)} size="small" status="active" data-testid="check-progress" />;
}
