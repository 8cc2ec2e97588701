import type { RGB } from 'pdf-lib';
import { EM_TOP, shortened, type FixedPageWriter } from './fixed-page';
import type { FontWeight } from './fonts';

/**
 * Text set top to bottom, as on the spine of an archive box (竖排): Chinese characters upright,
 * one under the other; Latin letters, digits and other narrow characters turned a quarter
 * clockwise and read downwards, as are the brackets, dashes and ellipses that run along a line
 * and the colons and semicolons (the forms vertical setting uses for them). Lines follow each
 * other right to left.
 */
const TURNED = new Set(Array.from('（）《》〈〉【】「」『』〔〕〖〗［］｛｝—―…‥～－＿：；'));

/** Full-width characters stand upright; a narrower one is Latin or a sign set turned. */
const isUpright = (writer: FixedPageWriter, ch: string, weight: FontWeight): boolean => !TURNED.has(ch) && writer.advance(ch, weight) >= 0.9;

/** A character's length along a vertical line, at size 1. */
const verticalAdvance = (writer: FixedPageWriter, ch: string, weight: FontWeight): number => (isUpright(writer, ch, weight) ? 1 : writer.advance(ch, weight));

/** Measures a character along a vertical line at a size. */
export const verticalWidthOf =
  (writer: FixedPageWriter, weight: FontWeight, size: number) =>
  (ch: string): number =>
    verticalAdvance(writer, ch, weight) * size;

/** The length a vertical line of this text takes. */
export function verticalLength(writer: FixedPageWriter, value: string, weight: FontWeight, size: number): number {
  let length = 0;
  for (const ch of writer.settable(value)) length += verticalAdvance(writer, ch, weight) * size;
  return length;
}

/** The text in vertical lines no longer than `max`, at most `count` of them; what does not fit ends in …. */
export function verticalLines(writer: FixedPageWriter, value: string, weight: FontWeight, size: number, max: number, count: number): string[] {
  const widthOf = verticalWidthOf(writer, weight, size);
  return shortened(writer.wrap(value, max, widthOf), count, max, widthOf);
}

/** One vertical line, from `top` downwards, centred on `x`. */
export function drawVerticalLine(writer: FixedPageWriter, line: string, at: { x: number; top: number; size: number; weight: FontWeight; color: RGB }): void {
  const { x, size, weight, color } = at;
  let top = at.top;
  let turned = '';
  const flushTurned = () => {
    if (turned === '') return;
    // Turned, a letter's baseline runs down the line: its middle (about a third of an em above
    // the baseline) on the line's centre.
    writer.text(turned, x - size * 0.36, top, size, weight, color, true);
    top -= writer.width(turned, weight, size);
    turned = '';
  };
  for (const ch of writer.settable(line)) {
    if (!isUpright(writer, ch, weight)) {
      turned += ch;
      continue;
    }
    flushTurned();
    writer.text(ch, x - (writer.advance(ch, weight) * size) / 2, top - EM_TOP * size, size, weight, color);
    top -= size;
  }
  flushTurned();
}
