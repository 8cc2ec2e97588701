import { Watermark } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useSession } from '../../app/SessionProvider';
import { formatDateTime } from '../../lib/format';

/** The time of the moment, to the minute. */
function useMinute(): string {
  const [now, setNow] = useState(() => formatDateTime(new Date().toISOString()));
  useEffect(() => {
    const timer = setInterval(() => setNow(formatDateTime(new Date().toISOString())), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A classified dossier's page shown under the viewer's name and the time, across the whole view (a photo of the screen carries them). */
export function ViewerWatermark({ active, children }: { active: boolean; children: ReactNode }) {
  const { session } = useSession();
  const now = useMinute();
  if (!active || !session) return <div className="scan-viewer-frame">{children}</div>;
  const who = `${session.user.displayName}（${session.user.login}）`;
  return (
    <Watermark className="scan-viewer-frame" content={[who, now]} font={{ color: 'rgba(200, 0, 0, 0.28)', fontSize: 18 }} gap={[80, 80]} zIndex={10}>
      <div className="scan-viewer-fill" data-testid="scan-watermark" data-watermark={`${who} ${now}`}>
        {children}
      </div>
    </Watermark>
  );
}
