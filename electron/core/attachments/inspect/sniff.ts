import type { Message } from '../../../../shared/errors';
import { hasAsciiAt, hasBytesAt, latin1 } from './bytes';
import type { ScanMediaType } from './scan-inspection';

export type Sniffed =
  | { kind: 'scan'; mediaType: ScanMediaType }
  /** Not a scan: what it looks like when it is something known. */
  | { kind: 'other'; looksLike?: Message };

/** The PDF specification lets readers accept up to 1024 bytes of anything before the header. */
const PDF_HEADER_WINDOW = 1024;

/** Where `%PDF-` begins within the first 1024 bytes, or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  return latin1(bytes, 0, PDF_HEADER_WINDOW + 5).indexOf('%PDF-');
}

const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2']);
const avifBrands = new Set(['avif', 'avis']);

/** Brands of an ISO base media file (HEIC, AVIF, MP4 …): the major brand, then the compatible ones. */
function isoBrands(bytes: Uint8Array): string[] | undefined {
  if (!hasAsciiAt(bytes, 4, 'ftyp')) return undefined;
  const boxSize = Math.min(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0), bytes.length);
  if (bytes.length < 12 || boxSize < 12) return undefined;
  const brands = [latin1(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(latin1(bytes, at, at + 4));
  return brands;
}

function sniffIsoMedia(brands: string[]): Sniffed {
  const [major = ''] = brands;
  if (avifBrands.has(major)) return { kind: 'other', looksLike: { zh: 'AVIF 图像', en: 'an AVIF image' } };
  if (brands.some((brand) => heicBrands.has(brand))) return { kind: 'scan', mediaType: 'image/heic' };
  return { kind: 'other', looksLike: { zh: '视频文件', en: 'a video' } };
}

const program: Message = { zh: '程序文件', en: 'a program' };
const compressed: Message = { zh: '压缩包', en: 'a compressed archive' };

/** Known files that are not scans, by their first bytes. */
const others: { signature: readonly number[] | string; looksLike: Message }[] = [
  { signature: 'MZ', looksLike: { zh: '程序文件（Windows 可执行文件）', en: 'a program (a Windows executable)' } },
  { signature: [0x7f, 0x45, 0x4c, 0x46], looksLike: program },
  { signature: [0x50, 0x4b, 0x03, 0x04], looksLike: { zh: '压缩包或 Office 文档（ZIP）', en: 'a ZIP archive or an Office document' } },
  { signature: [0x50, 0x4b, 0x05, 0x06], looksLike: { zh: '压缩包（ZIP）', en: 'a ZIP archive' } },
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: { zh: '旧版 Office 文档（.doc/.xls）', en: 'an old Office document (.doc/.xls)' } },
  { signature: 'Rar!', looksLike: compressed },
  { signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: compressed },
  { signature: [0x1f, 0x8b], looksLike: compressed },
  { signature: 'GIF8', looksLike: { zh: 'GIF 图像', en: 'a GIF image' } },
  { signature: '{\\rtf', looksLike: { zh: 'RTF 文档', en: 'an RTF document' } },
];

function startsWith(bytes: Uint8Array, signature: readonly number[] | string): boolean {
  return typeof signature === 'string' ? hasAsciiAt(bytes, 0, signature) : hasBytesAt(bytes, 0, signature);
}

/** A BMP starts with "BM" and records its own length: both, or it is text that happens to start with BM. */
function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 14 && hasAsciiAt(bytes, 0, 'BM') && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(2, true) === bytes.length;
}

/** Text (any 8-bit encoding, GB18030 included): no control characters but line breaks, tabs and form feeds. */
function looksLikeText(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i += 1) {
    const byte = bytes[i] ?? 0;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) return false;
  }
  return true;
}

/** What a file is, from its first bytes alone (never its name). */
export function sniff(bytes: Uint8Array): Sniffed {
  if (hasBytesAt(bytes, 0, [0xff, 0xd8, 0xff])) return { kind: 'scan', mediaType: 'image/jpeg' };
  if (hasBytesAt(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'scan', mediaType: 'image/png' };
  if (hasAsciiAt(bytes, 0, 'II') || hasAsciiAt(bytes, 0, 'MM')) {
    const little = bytes[0] === 0x49;
    const version = little ? (bytes[2] ?? 0) | ((bytes[3] ?? 0) << 8) : ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
    if (version === 42 || version === 43) return { kind: 'scan', mediaType: 'image/tiff' };
  }
  if (pdfHeaderOffset(bytes) >= 0) return { kind: 'scan', mediaType: 'application/pdf' };
  const brands = isoBrands(bytes);
  if (brands) return sniffIsoMedia(brands);
  const known = others.find((other) => startsWith(bytes, other.signature));
  if (known) return { kind: 'other', looksLike: known.looksLike };
  if (hasAsciiAt(bytes, 0, 'RIFF') && hasAsciiAt(bytes, 8, 'WEBP')) return { kind: 'other', looksLike: { zh: 'WebP 图像', en: 'a WebP image' } };
  if (isBmp(bytes)) return { kind: 'other', looksLike: { zh: 'BMP 图像', en: 'a BMP image' } };
  if (looksLikeText(bytes)) return { kind: 'other', looksLike: { zh: '文本文件', en: 'a text file' } };
  return { kind: 'other' };
}
