import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Header, Parser, type ReadEntry } from 'tar';

const CHUNK = 4 * 1024 * 1024;

/** Where an entry's bytes go while they are read (and hashed). */
export interface EntrySink {
  write(chunk: Buffer): void;
  end(): void;
}

export interface ReadTarEntry {
  name: string;
  size: number;
  sha256: string;
}

/** A file that is not a whole, plain tar archive. */
export class NotATar extends Error {}

/**
 * Reads a tar archive through node-tar's parser, chunk by chunk (a file's, or a staged file's
 * decrypted records), hashing every entry; `sinkFor` says where an entry's bytes go (null: only
 * hashed). Only plain files are accepted; a damaged header, a cut-off archive or anything else
 * ends the reading.
 */
export async function readTar(chunks: AsyncIterable<Uint8Array>, sinkFor: (name: string, size: number) => EntrySink | null): Promise<ReadTarEntry[]> {
  const entries: ReadTarEntry[] = [];
  // Set from the parser's callbacks: an object, so the checks after each write see it.
  const state: { failure: Error | null; ended: boolean } = { failure: null, ended: false };
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      if (entry.type !== 'File') {
        state.failure ??= new NotATar(`entry ${entry.path} is a ${entry.type}, not a file`);
        entry.resume();
        return;
      }
      const size = entry.size ?? 0;
      const hash = createHash('sha256');
      const sink = state.failure ? null : sinkFor(entry.path, size);
      let received = 0;
      entry.on('data', (chunk: Buffer) => {
        received += chunk.length;
        hash.update(chunk);
        sink?.write(chunk);
      });
      entry.on('end', () => {
        sink?.end();
        if (received !== size) state.failure ??= new NotATar(`entry ${entry.path} has ${received} of ${size} bytes`);
        entries.push({ name: entry.path, size, sha256: hash.digest('hex') });
      });
    },
  });
  parser.on('error', (error: Error) => (state.failure ??= new NotATar(error.message)));
  parser.on('end', () => (state.ended = true));
  for await (const chunk of chunks) {
    // Copied: the parser may hold on to what it was given, and a reader may reuse its buffer.
    parser.write(Buffer.from(chunk));
    if (state.failure) throw state.failure;
  }
  parser.end();
  if (state.failure) throw state.failure;
  if (!state.ended) throw new NotATar('the archive is cut off');
  return entries;
}

/** A file's bytes in chunks of 4 MiB. */
export async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) return;
      yield chunk.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The first entry of a tar archive, read without going further (a backup's key slots, to ask for a password first). */
export async function readFirstEntry(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ name: string; bytes: Buffer }> {
  const parts: Buffer[] = [];
  let held = 0;
  let wanted = 512;
  let header: Header | null = null;
  for await (const chunk of chunks) {
    parts.push(Buffer.from(chunk));
    held += chunk.length;
    if (!header && held >= 512) {
      header = new Header(Buffer.concat(parts).subarray(0, 512));
      if (!header.cksumValid || header.type !== 'File' || !header.path) throw new NotATar('the first entry is not a file');
      if ((header.size ?? 0) > maxBytes) throw new NotATar(`the first entry is larger than ${maxBytes} bytes`);
      wanted = 512 + (header.size ?? 0);
    }
    if (header && held >= wanted) break;
  }
  if (!header?.path || held < wanted) throw new NotATar('the archive is cut off');
  return { name: header.path, bytes: Buffer.concat(parts).subarray(512, wanted) };
}
