import { lstatSync, type Stats } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnoredName } from './ignored-names';

export interface WatchOptions {
  folder: string;
  polling: boolean;
  stableSeconds: number;
}

/** A file that has stopped changing: its size and time as they were then. */
export interface StableFile {
  name: string;
  size: number;
  mtimeMs: number;
}

/** How often the size of a file being written is looked at (and a polled folder read). */
const POLL_MS = 250;

/**
 * The files of one folder (not its subfolders: filed scans may be moved into one) that have
 * stopped changing: chokidar reports a file only once its size has stayed the same for the
 * stability window; temporary and hidden names are never reported.
 */
export class FolderWatch {
  private readonly files = new Map<string, StableFile>();
  /** Files reported but not yet confirmed complete: the next look at each. */
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private closed = false;
  private readonly watcher: FSWatcher;
  private readonly ready: Promise<void>;
  private readyAt = Number.POSITIVE_INFINITY;
  /** The last error the watch reported (a share gone away), until a file is seen again. */
  problem: Error | null = null;

  constructor(
    private readonly options: WatchOptions,
    private readonly onChange: () => void,
  ) {
    const root = resolve(options.folder);
    this.watcher = watch(root, {
      depth: 0,
      // A link would bring a file from elsewhere (anywhere the app may read) into the inbox: only regular files count.
      followSymlinks: false,
      usePolling: options.polling,
      interval: POLL_MS * 4,
      ignored: (path: string, stats?: Stats) => resolve(path) !== root && (isIgnoredName(basename(path)) || stats?.isDirectory() === true),
      awaitWriteFinish: { stabilityThreshold: options.stableSeconds * 1000, pollInterval: POLL_MS },
    });
    const seen = (path: string) => this.confirm(basename(path), join(root, basename(path)), null);
    this.watcher.on('add', seen);
    this.watcher.on('change', seen);
    this.watcher.on('unlink', (path: string) => {
      this.files.delete(basename(path));
      this.pending.delete(basename(path));
      this.onChange();
    });
    this.watcher.on('error', (error: unknown) => {
      this.problem = error instanceof Error ? error : new Error(String(error));
    });
    this.ready = new Promise((done) =>
      this.watcher.once('ready', () => {
        this.readyAt = Date.now();
        done();
      }),
    );
  }

  /**
   * chokidar waits for a file's size to settle only for files that appear after its first look at
   * the folder – not for those it finds then, which may be half written – and never looks at the
   * time. So a file counts only once its time, too, is a stability window old, or its size and
   * time have not changed for a window while watched here.
   */
  private confirm(name: string, path: string, before: { size: number; mtimeMs: number; since: number } | null): void {
    if (this.closed) return;
    let now: Stats;
    try {
      now = lstatSync(path);
    } catch {
      this.pending.delete(name);
      return; // gone again: the watch tells
    }
    if (!now.isFile()) {
      this.pending.delete(name);
      return;
    }
    const window = this.options.stableSeconds * 1000;
    const at = Date.now();
    const unchanged = before !== null && before.size === now.size && before.mtimeMs === now.mtimeMs;
    if (at - now.mtimeMs >= window || (unchanged && at - before.since >= window)) {
      this.pending.delete(name);
      this.problem = null;
      this.files.set(name, { name, size: now.size, mtimeMs: now.mtimeMs });
      this.onChange();
      return;
    }
    const next = unchanged ? before : { size: now.size, mtimeMs: now.mtimeMs, since: at };
    clearTimeout(this.pending.get(name));
    this.pending.set(
      name,
      setTimeout(() => this.confirm(name, path, next), POLL_MS),
    );
  }

  /** The files complete now. */
  stable(): StableFile[] {
    return [...this.files.values()];
  }

  /** Forgets a file at once (it has left the folder; the watch may tell later). */
  forget(name: string): void {
    this.files.delete(name);
  }

  /**
   * Once the first look at the folder is done and the files found then have had their stability
   * window: what a one-shot caller (the CLI) waits for before it acts.
   */
  async settled(): Promise<void> {
    await this.ready;
    const window = this.options.stableSeconds * 1000 + 3 * POLL_MS;
    const left = this.readyAt + window - Date.now();
    if (left > 0) await new Promise((done) => setTimeout(done, left));
    // Files still being confirmed (written until just now) get their window too.
    // (A file written on and on is not waited for beyond another two windows.)
    const until = Date.now() + 2 * window;
    while (this.pending.size > 0 && !this.closed && Date.now() < until) await new Promise((done) => setTimeout(done, POLL_MS));
  }

  close(): Promise<void> {
    this.closed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    return this.watcher.close();
  }
}
