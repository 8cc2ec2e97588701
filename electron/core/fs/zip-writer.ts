import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip archive built in memory, whose entries can be written piece by piece: each piece is
 * compressed as it comes (deflate blocks flushed at its end, so the pieces join into one deflate
 * stream), so memory holds the compressed archive, never an entry's whole text. Enough of the
 * format for an .xlsx: deflated entries, no ZIP64 (an entry under 4 GiB).
 */
export interface ZipEntry {
  write(text: string): void;
  close(): void;
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** Pieces are gathered up to this size before they are compressed together. */
const PIECE = 256 * 1024;

export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private offset = 0;
  private readonly written: Written[] = [];
  private open = false;

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.offset += chunk.length;
  }

  file(name: string, text: string): void {
    const entry = this.entry(name);
    entry.write(text);
    entry.close();
  }

  entry(name: string): ZipEntry {
    if (this.open) throw new Error('one zip entry at a time');
    this.open = true;
    const fileName = Buffer.from(name, 'utf8');
    const record: Written = { name: fileName, crc: 0, compressed: 0, size: 0, offset: this.offset };
    // The local header's place is kept; it is filled in once the sizes and checksum are known.
    const headerAt = this.chunks.length;
    this.push(Buffer.alloc(30 + fileName.length));
    let pending: Buffer[] = [];
    let pendingSize = 0;
    const compress = (last: boolean) => {
      const data = Buffer.concat(pending);
      pending = [];
      pendingSize = 0;
      record.crc = crc32(data, record.crc);
      record.size += data.length;
      const deflated = deflateRawSync(data, { level: 6, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
      record.compressed += deflated.length;
      this.push(deflated);
    };
    return {
      write: (text) => {
        const bytes = Buffer.from(text, 'utf8');
        pending.push(bytes);
        pendingSize += bytes.length;
        if (pendingSize >= PIECE) compress(false);
      },
      close: () => {
        compress(true);
        this.chunks[headerAt] = localHeader(record);
        this.written.push(record);
        this.open = false;
      },
    };
  }

  finish(): Uint8Array {
    const directoryAt = this.offset;
    for (const record of this.written) this.push(directoryHeader(record));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - directoryAt, 12);
    end.writeUInt32LE(directoryAt, 16);
    this.push(end);
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

/** Version 2.0, UTF-8 names (bit 11), deflate; a fixed time stamp (1980-01-01) keeps output reproducible. */
function common(header: Buffer, at: number, record: Written): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt16LE(0, at + 6);
  header.writeUInt16LE(0x21, at + 8);
  header.writeUInt32LE(record.crc, at + 10);
  header.writeUInt32LE(record.compressed, at + 14);
  header.writeUInt32LE(record.size, at + 18);
  header.writeUInt16LE(record.name.length, at + 22);
}

function localHeader(record: Written): Buffer {
  const header = Buffer.alloc(30 + record.name.length);
  header.writeUInt32LE(0x04034b50, 0);
  common(header, 4, record);
  record.name.copy(header, 30);
  return header;
}

function directoryHeader(record: Written): Buffer {
  const header = Buffer.alloc(46 + record.name.length);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  common(header, 6, record);
  header.writeUInt32LE(record.offset, 42);
  record.name.copy(header, 46);
  return header;
}
