import { crc32 } from 'node:zlib';
import { latin1 } from './bytes';
import { refusals, ScanRefusal } from './refusal';
import type { PixelSize } from './scan-inspection';

const truncated = () => new ScanRefusal(refusals.truncated('PNG'));
const damaged = (zh: string, en: string) => new ScanRefusal(refusals.damaged('PNG', { zh, en }));

const SIGNATURE_LENGTH = 8;

/**
 * Walks a PNG's chunks – length, type, data, CRC-32 over type and data – from IHDR (first, with
 * the size) to IEND, checking every CRC. Bytes after IEND are not part of the image.
 */
export function checkPng(bytes: Uint8Array): PixelSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size: PixelSize | undefined;
  let imageData = false;
  for (let pos = SIGNATURE_LENGTH; ; ) {
    if (pos + 8 > bytes.length) throw truncated();
    const length = view.getUint32(pos);
    const type = latin1(bytes, pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (end > bytes.length) throw truncated();
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(end - 4)) {
      // A damaged chunk's type may be garbage: name it only when it reads as one.
      const named = /^[A-Za-z]{4}$/.test(type) ? type : '';
      throw damaged(`数据块${named ? ` ${named} ` : ''}的校验和不符`, `the checksum of ${named ? `its ${named}` : 'a'} chunk does not match`);
    }
    if (!size) {
      if (type !== 'IHDR' || length < 13) throw damaged('缺少文件头（IHDR）', 'the header chunk (IHDR) is missing');
      size = { width: view.getUint32(pos + 8), height: view.getUint32(pos + 12) };
      if (size.width === 0 || size.height === 0) throw damaged('图像尺寸为 0', 'the image size is zero');
    }
    if (type === 'IDAT') imageData = true;
    if (type === 'IEND') {
      if (!imageData) throw damaged('没有图像数据', 'it holds no image data');
      return size;
    }
    pos = end;
  }
}
