/**
 * Decrypted originals of multi-page scans (a PDF, a multi-page TIFF), kept in memory for a short
 * while for the session that read them: the thumbnail strip of a 100-page PDF asks for 100 pages
 * at once, and each would otherwise read and decrypt the whole file again. Nothing is written to
 * disk. Bounded: at most BUDGET_BYTES per session (the least recently used go first), each kept
 * KEEP_MS after its last use, and all dropped (and zeroed) when the session ends. A kept file was
 * verified when it was read; one damaged on disk since is found by the next read or `verify`.
 * At most, then: BUDGET_BYTES kept, the files still being drawn for requests under way (each once),
 * and COPIES_OUT copies of each with the threads.
 *
 * A thread is handed a copy (it takes ownership of what it is given), and at most COPIES_OUT
 * copies of one file are out at a time: a burst of requests waits here rather than holding a copy
 * of the whole file per page in the threads' queue.
 */
export const BUDGET_BYTES = 256 * 1024 * 1024;
export const KEEP_MS = 60_000;
export const COPIES_OUT = 2;

/** A copy of a kept original for a thread; `release` once the thread is done with it. */
export interface LentCopy {
  bytes: Uint8Array;
  release(): void;
}

/** One decrypted original, and the copies of it out with the threads. */
export class KeptFile {
  private out = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly bytes: Buffer) {}

  /** A copy for a thread, once fewer than COPIES_OUT are out. */
  async lend(): Promise<LentCopy> {
    while (this.out >= COPIES_OUT) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.out += 1;
    let released = false;
    return {
      bytes: new Uint8Array(this.bytes),
      release: () => {
        if (released) return;
        released = true;
        this.out -= 1;
        this.waiting.shift()?.();
      },
    };
  }
}

interface Kept {
  file: KeptFile;
  timer: NodeJS.Timeout;
}

export class KeptOriginals {
  /** In order of use, the least recent first. */
  private readonly files = new Map<string, Kept>();
  private bytes = 0;

  constructor(private readonly budget = BUDGET_BYTES) {}

  /** The kept file (its use refreshed), if it is kept. */
  get(address: string): KeptFile | undefined {
    const kept = this.files.get(address);
    if (!kept) return undefined;
    clearTimeout(kept.timer);
    kept.timer = this.expiry(address);
    this.files.delete(address);
    this.files.set(address, kept);
    return kept.file;
  }

  /**
   * Keeps a verified plaintext (taken over: the caller must not change it), the least recently
   * used ones let go to make room; one larger than the budget is only lent for this request. A
   * file let go stays whole for the requests that hold it (garbage collected after them).
   */
  keep(address: string, plaintext: Buffer): KeptFile {
    const file = new KeptFile(plaintext);
    if (plaintext.length > this.budget) return file;
    this.letGo(address);
    while (this.bytes + plaintext.length > this.budget) {
      const [oldest] = this.files.keys();
      if (oldest === undefined) break;
      this.letGo(oldest);
    }
    this.files.set(address, { file, timer: this.expiry(address) });
    this.bytes += plaintext.length;
    return file;
  }

  /** The session ends: everything let go and zeroed (what is still being drawn is the ended session's and never shown). */
  clear(): void {
    for (const [address, kept] of [...this.files]) {
      this.letGo(address);
      kept.file.bytes.fill(0);
    }
  }

  get keptBytes(): number {
    return this.bytes;
  }

  private expiry(address: string): NodeJS.Timeout {
    const timer = setTimeout(() => this.letGo(address), KEEP_MS);
    timer.unref();
    return timer;
  }

  private letGo(address: string): void {
    const kept = this.files.get(address);
    if (!kept) return;
    this.files.delete(address);
    this.bytes -= kept.file.bytes.length;
    clearTimeout(kept.timer);
  }
}

const bySession = new WeakMap<object, KeptOriginals>();

/** The kept originals of this session (a new session never sees another's). */
export function keptOriginalsOf(session: object): KeptOriginals {
  let kept = bySession.get(session);
  if (!kept) {
    kept = new KeptOriginals();
    bySession.set(session, kept);
  }
  return kept;
}

/** When a session ends: its kept originals let go and zeroed at once. */
export function dropKeptOriginals(session: object): void {
  bySession.get(session)?.clear();
  bySession.delete(session);
}
