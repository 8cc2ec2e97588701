import { useEffect, useState } from 'react';
import type { CheckProgress, CheckScope, FourCheckResult } from '../../../../shared/contract';
import { call } from '../../lib/api';

const PROGRESS_EVERY_MS = 700;

/** Runs a 4-property check, asking how far it is while it runs; the result stays until cleared. A failure is thrown to the caller. */
export function useFourCheck() {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<CheckProgress | null>(null);
  const [result, setResult] = useState<FourCheckResult | null>(null);

  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      call('check:progress', {}).then(setProgress, () => undefined);
    }, PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [running]);

  const run = async (scope: CheckScope) => {
    setRunning(true);
    setProgress(null);
    try {
      setResult(await call('check:run', { scope }));
    } finally {
      setRunning(false);
    }
  };

  return { running, progress, result, run, clear: () => setResult(null) };
}
