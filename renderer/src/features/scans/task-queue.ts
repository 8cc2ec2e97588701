/**
 * Runs at most `concurrency` tasks at once, the others in the order they came: a document of two
 * hundred pages asks for its thumbnails a few at a time, not all at once.
 */
export function taskQueue(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < concurrency) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the finished task hands its place over
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
