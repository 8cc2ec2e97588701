import type { CheckProgress } from '../../../../shared/contract';

/** The check under way per data folder, read by `check:progress` beside the queue (in memory only). */
const running = new Map<string, { done: number; total: number }>();

export function checkProgress(dataDir: string): CheckProgress {
  const state = running.get(dataDir);
  return state ? { running: true, ...state } : { running: false, done: 0, total: 0 };
}

export interface ProgressHandle {
  /** One more thing done: a dossier's records, a file read, a page drawn. */
  step: (count?: number) => void;
  /** More to do than first known (the files and pages, once the records are read). */
  grow: (count: number) => void;
  end: () => void;
}

/** Marks a check as under way for this data folder until `end`. */
export function startProgress(dataDir: string, total: number): ProgressHandle {
  const state = { done: 0, total };
  running.set(dataDir, state);
  return {
    step: (count = 1) => {
      state.done += count;
    },
    grow: (count) => {
      state.total += count;
    },
    end: () => {
      if (running.get(dataDir) === state) running.delete(dataDir);
    },
  };
}
