import { STAGING_CHUNK_BYTES, type InputOf, type OutputOf, type StagedFileInfo, type StagingPurpose, type stagingContract } from './contract';

type StagingChannel = keyof typeof stagingContract;

/** A front door's way to the staging channels; a refusal is thrown. */
export type StagingCall = <C extends StagingChannel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** A file to stage, read piece by piece: a file on disk (Electron main, the CLI) or a browser File. */
export interface ChunkSource {
  readonly name: string;
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer (or none) only if the file has shrunk since. */
  read(offset: number, length: number): Promise<Uint8Array<ArrayBuffer>>;
}

export interface StagingOptions {
  /** Bytes staged so far, of how many. */
  onProgress?: (sent: number, total: number) => void;
  /** Aborting stops sending and discards what was staged; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The client side of staging, the same in every front door: begin, one chunk after another at its
 * offset, finish; whatever fails (or is aborted), the half-staged file is discarded.
 */
export async function stageInChunks(file: ChunkSource, purpose: StagingPurpose, call: StagingCall, options: StagingOptions = {}): Promise<StagedFileInfo> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const { stagedFileId } = await call('staging:begin', { purpose, name: file.name, size: file.size });
  try {
    onProgress?.(0, file.size);
    for (let offset = 0; offset < file.size; ) {
      signal?.throwIfAborted();
      const bytes = await file.read(offset, Math.min(STAGING_CHUNK_BYTES, file.size - offset));
      if (bytes.length === 0) break; // the file shrank while being read: finishing says what is missing
      await call('staging:append', { stagedFileId, offset, bytes });
      offset += bytes.length;
      onProgress?.(offset, file.size);
    }
    signal?.throwIfAborted();
    return await call('staging:finish', { stagedFileId });
  } catch (error) {
    await call('staging:discard', { stagedFileId }).catch(() => undefined);
    throw error;
  }
}

/** A browser File (from `<input type=file>` or a drop) as a chunk source. */
export function blobChunks(file: Blob & { readonly name: string }): ChunkSource {
  return { name: file.name, size: file.size, read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()) };
}
