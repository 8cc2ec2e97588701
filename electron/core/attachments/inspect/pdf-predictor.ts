/**
 * Undoes the PNG predictors (PDF /Predictor 10–15) that xref streams usually carry: each row
 * starts with its filter type, and the bytes are differences from their neighbours. Returns
 * undefined when the data does not divide into whole rows or names an unknown filter.
 */
export function unpredictPng(data: Uint8Array, columns: number, bytesPerPixel: number): Uint8Array | undefined {
  const rowLength = columns * bytesPerPixel;
  if (rowLength <= 0 || data.length % (rowLength + 1) !== 0) return undefined;
  const rows = data.length / (rowLength + 1);
  const out = new Uint8Array(rows * rowLength);
  for (let row = 0; row < rows; row += 1) {
    const filter = data[row * (rowLength + 1)];
    const from = row * (rowLength + 1) + 1;
    const at = row * rowLength;
    for (let i = 0; i < rowLength; i += 1) {
      const raw = data[from + i] ?? 0;
      const left = i >= bytesPerPixel ? (out[at + i - bytesPerPixel] ?? 0) : 0;
      const up = row > 0 ? (out[at + i - rowLength] ?? 0) : 0;
      const upLeft = row > 0 && i >= bytesPerPixel ? (out[at + i - rowLength - bytesPerPixel] ?? 0) : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else return undefined;
      out[at + i] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}
