import { constants, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import { unpredictPng } from './pdf-predictor';
import { integerIn, integersIn, parsePdfObjectAt, PdfCursor } from './pdf-syntax';
import { brokenXref, type XrefSection } from './pdf-xref-section';

const unreadable = () => brokenXref('交叉引用流无法读取', 'its cross-reference stream cannot be read');

/** The stream's data with its filter (Flate or none) and PNG predictor undone. */
function decodedData(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  if (filters.length > 1 || (filters.length === 1 && filters[0] !== PDFName.of('FlateDecode'))) {
    throw brokenXref('交叉引用流的编码不受支持', 'its cross-reference stream is encoded in an unsupported way');
  }
  let data: Uint8Array = stream.contents;
  if (filters.length === 1) {
    try {
      // A sync flush reads what is there even when the writer left off the stream's checksum.
      data = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      throw unreadable();
    }
  }
  const parms = stream.dict.get(PDFName.of('DecodeParms'));
  const params = parms instanceof PDFArray ? parms.asArray()[0] : parms;
  if (!(params instanceof PDFDict)) return data;
  const predictor = integerIn(params, 'Predictor') ?? 1;
  if (predictor === 1) return data;
  if (predictor < 10) throw brokenXref('交叉引用流的编码不受支持', 'its cross-reference stream is encoded in an unsupported way');
  const bytesPerPixel = Math.ceil(((integerIn(params, 'Colors') ?? 1) * (integerIn(params, 'BitsPerComponent') ?? 8)) / 8);
  const columns = integerIn(params, 'Columns') ?? 1;
  const unpredicted = unpredictPng(data, columns, bytesPerPixel);
  if (!unpredicted) throw unreadable();
  return unpredicted;
}

function fieldAt(data: Uint8Array, at: number, width: number): number {
  let value = 0;
  for (let i = 0; i < width; i += 1) value = value * 256 + (data[at + i] ?? 0);
  return value;
}

/** The cross-reference stream object at `at`: /W field widths, /Index subsections (or 0…/Size), one row per object. */
export function readXrefStream(bytes: Uint8Array, at: number): XrefSection {
  const cursor = new PdfCursor(bytes, at);
  if (!cursor.objectHeader()) throw unreadable();
  let stream;
  try {
    stream = parsePdfObjectAt(bytes, cursor.pos);
  } catch {
    throw unreadable();
  }
  if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) {
    throw brokenXref('指向的对象不是交叉引用流', 'it points at an object that is not a cross-reference stream');
  }
  const widths = integersIn(stream.dict, 'W');
  const size = integerIn(stream.dict, 'Size');
  const index = integersIn(stream.dict, 'Index') ?? (size === undefined ? undefined : [0, size]);
  if (!widths || widths.length !== 3 || widths.some((w) => w < 0 || w > 8) || !index || index.length % 2 !== 0) throw unreadable();
  const [typeWidth = 0, offsetWidth = 0, thirdWidth = 0] = widths;
  const rowLength = typeWidth + offsetWidth + thirdWidth;
  const data = decodedData(stream);

  const section: XrefSection = { direct: [], objectStreams: [], trailer: stream.dict };
  let row = 0;
  for (let s = 0; s < index.length; s += 2) {
    const first = index[s] ?? 0;
    const count = index[s + 1] ?? 0;
    if ((row + count) * rowLength > data.length) throw brokenXref('交叉引用流的数据不完整', 'its cross-reference stream is incomplete');
    for (let i = 0; i < count; i += 1, row += 1) {
      const pos = row * rowLength;
      // Without a type field every entry is type 1, an object written directly in the file.
      const type = typeWidth === 0 ? 1 : fieldAt(data, pos, typeWidth);
      const second = fieldAt(data, pos + typeWidth, offsetWidth);
      const third = fieldAt(data, pos + typeWidth + offsetWidth, thirdWidth);
      if (type === 1) section.direct.push({ number: first + i, generation: third, offset: second });
      else if (type === 2) section.objectStreams.push(second);
    }
  }
  return section;
}
