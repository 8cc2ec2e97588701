import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { drawPageImage } from '../attachments/scan-image-pool';
import { LONG_SIDE } from '../attachments/scan-image-protocol';
import { toAppError } from '../errors';
import { recoverClaims } from './claim';
import { FolderWatch, type StableFile, type WatchOptions } from './folder-watch';
import { isIgnoredName } from './ignored-names';
import { analyseFile, readListedFile, type FileAnalysis } from './inbox-file';

export interface InboxOptions extends WatchOptions {
  maxBytes: number;
}

/** A complete file of the folder with what is known of it so far. */
export interface InboxFile extends StableFile {
  /** null while it is still being looked at. */
  analysis: FileAnalysis | null;
}

interface Known {
  analysis: Promise<FileAnalysis>;
  settledAs: FileAnalysis | null;
  thumbnail: Promise<{ jpeg: Uint8Array; width: number; height: number }> | null;
}

/** Files looked at side by side: enough to keep both scan image threads busy. */
const AT_ONCE = 2;

const byName = new Intl.Collator('zh-CN', { numeric: true });

/** Name order as the scanner numbered its files (scan_2 before scan_10); equal names by time. */
export function inFilingOrder<T extends StableFile>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => byName.compare(a.name, b.name) || a.mtimeMs - b.mtimeMs);
}

const keyOf = (file: StableFile) => `${file.name}\u0000${file.size}\u0000${file.mtimeMs}`;

/**
 * The scan inbox of one session: the watched folder's complete files, each looked at once (kept
 * by name, size and time, in memory only) – its kind, pages, cover or separator code – in the
 * background, as it appears; and thumbnails drawn from the plain bytes in memory, never written
 * anywhere. The scanner's files are plain files of the user's: nothing of them is copied to disk.
 */
export class ScanInbox {
  private readonly watch: FolderWatch;
  private readonly known = new Map<string, Known>();
  private readonly waiting: StableFile[] = [];
  private running = 0;
  private closed = false;

  constructor(
    readonly options: InboxOptions,
    private readonly addressOf: (bytes: Uint8Array) => string,
    private readonly onClose: () => void,
  ) {
    // Files a program that ended while filing them left with a working name are listed again.
    recoverClaims(options.folder);
    this.watch = new FolderWatch(options, () => this.lookAtNewFiles());
  }

  get folder(): string {
    return this.options.folder;
  }

  get problem(): Error | null {
    return this.watch.problem;
  }

  /** The content address of bytes read from the folder (to tell that a file is still what was looked at). */
  contentAddress(bytes: Uint8Array): string {
    return this.addressOf(bytes);
  }

  /** The complete files, in filing order, each with what is known of it yet. */
  files(): InboxFile[] {
    return inFilingOrder(this.watch.stable()).map((file) => ({ ...file, analysis: this.known.get(keyOf(file))?.settledAs ?? null }));
  }

  /**
   * The names of the folder's files not ready to be filed yet: being written (not yet stable), or
   * stable but not yet looked at. Read from the folder itself: the watch reports a file only once
   * it is complete.
   */
  unfinishedNames(): string[] {
    let entries;
    try {
      entries = readdirSync(this.folder, { withFileTypes: true });
    } catch {
      return [];
    }
    const ready = new Set(this.files().flatMap((file) => (file.analysis ? [file.name] : [])));
    return entries.filter((entry) => entry.isFile() && !isIgnoredName(entry.name) && !ready.has(entry.name)).map((entry) => entry.name);
  }

  /** The files once every one of them has been looked at (after the first look at the folder, for a one-shot caller). */
  async settledFiles(): Promise<(StableFile & { analysis: FileAnalysis })[]> {
    await this.watch.settled();
    const files = inFilingOrder(this.watch.stable());
    return Promise.all(files.map(async (file) => ({ ...file, analysis: await this.analysisOf(file) })));
  }

  analysisOf(file: StableFile): Promise<FileAnalysis> {
    return this.knownOf(file).analysis;
  }

  /** The file's first page as a thumbnail, drawn once from its bytes in memory. */
  thumbnail(file: StableFile): Promise<{ jpeg: Uint8Array; width: number; height: number }> {
    const known = this.knownOf(file);
    known.thumbnail ??= known.analysis.then(async (analysis) => {
      if (analysis.kind !== 'scan') throw new Error('not a scan');
      return drawPageImage({ bytes: await readListedFile(join(this.folder, file.name), file), mediaType: analysis.mediaType, page: 0, longSide: LONG_SIDE.thumbnail });
    });
    known.thumbnail.catch(() => {
      known.thumbnail = null;
    });
    return known.thumbnail;
  }

  /** The file as listed now, by name. */
  find(name: string): StableFile | undefined {
    return this.watch.stable().find((file) => file.name === name);
  }

  /** A file that has left the folder (filed, discarded) is forgotten now, not when the watch tells. */
  forget(file: StableFile): void {
    this.watch.forget(file.name);
    this.known.delete(keyOf(file));
  }

  /**
   * Drops what is known of a file that is no longer what was looked at, though its size and time
   * say it is (overwritten within the time's resolution): it is looked at again.
   */
  reanalyse(file: StableFile): void {
    this.known.delete(keyOf(file));
    this.lookAtNewFiles();
  }

  /** Ends the watch for good (the session ended, or the setting changed). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    await this.watch.close();
  }

  private knownOf(file: StableFile): Known {
    const key = keyOf(file);
    let known = this.known.get(key);
    if (!known) {
      const analysis = analyseFile(this.folder, file, this.options.maxBytes, this.addressOf).catch((error: unknown) => {
        // A file that could not be read (gone, changed, locked by the scanner) is looked at again when next asked for.
        this.known.delete(key);
        throw toAppError(error);
      });
      const entry: Known = { analysis, settledAs: null, thumbnail: null };
      analysis.then(
        (done) => (entry.settledAs = done),
        () => undefined,
      );
      known = entry;
      this.known.set(key, known);
    }
    return known;
  }

  /** New complete files are looked at in the background, a few at a time, so the list is ready when asked for. */
  private lookAtNewFiles(): void {
    const stable = this.watch.stable();
    const keys = new Set(stable.map(keyOf));
    for (const key of [...this.known.keys()]) if (!keys.has(key)) this.known.delete(key);
    for (const file of stable) if (!this.known.has(keyOf(file)) && !this.waiting.some((w) => keyOf(w) === keyOf(file))) this.waiting.push(file);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.running < AT_ONCE && this.waiting.length > 0) {
      const file = this.waiting.shift();
      if (!file || this.known.has(keyOf(file))) continue;
      this.running += 1;
      void this.analysisOf(file)
        .catch(() => undefined)
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
  }
}
