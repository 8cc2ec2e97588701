import { describe, expect, it } from 'vitest';
import { breakLines, mayNotEndLine, mayNotStartLine } from './line-break';

/** Every character one unit wide: a line of width 5 holds five characters. */
const each = () => 1;

function expectRulesKept(lines: readonly string[]): void {
  for (const line of lines.slice(1)) expect(mayNotStartLine(Array.from(line)[0] ?? ''), `line starts with a forbidden mark: ${line}`).toBe(false);
  for (const line of lines.slice(0, -1)) expect(mayNotEndLine(Array.from(line).at(-1) ?? ''), `line ends with an opening mark: ${line}`).toBe(false);
}

describe('line breaking by the Chinese rules (避头尾)', () => {
  it('no line starts with a closing mark: the character before it moves down with it', () => {
    expect(breakLines('档案管理系统，客户资料', each, 6)).toEqual(['档案管理系', '统，客户资料']);
    for (const mark of Array.from('）；，。、：！？”』】》々ッ')) {
      const lines = breakLines(`一二三四五${mark}六七八`, each, 5);
      expect(lines).toEqual(['一二三四', `五${mark}六七八`]);
    }
  });

  it('several closing marks in a row travel together', () => {
    const lines = breakLines('他说：“好的。”然后离开', each, 7);
    expect(lines).toEqual(['他说：“好', '的。”然后离开']);
    expectRulesKept(lines);
  });

  it('no line ends with an opening bracket or quote', () => {
    expect(breakLines('一二三四（五六）七', each, 5)).toEqual(['一二三四', '（五六）七']);
    expect(breakLines('一二三四“五六”', each, 5)).toEqual(['一二三四', '“五六”']);
  });

  it('keeps Latin words and numbers whole where it can, and breaks at spaces', () => {
    expect(breakLines('车牌沪A12345已登记', each, 6)).toEqual(['车牌沪', 'A12345', '已登记']);
    expect(breakLines('delivery checklist signed', each, 12)).toEqual(['delivery', 'checklist', 'signed']);
    // A word longer than the line has to break inside.
    expect(breakLines('LSVAU2180N2183294', each, 8)).toEqual(['LSVAU218', '0N218329', '4']);
  });

  it('honours line breaks in the text, and a line of nothing but marks still ends', () => {
    expect(breakLines('第一行\n第二行', each, 10)).toEqual(['第一行', '第二行']);
    expect(breakLines('。。。。。。', each, 3)).toEqual(['。。。', '。。。']);
    expect(breakLines('', each, 3)).toEqual(['']);
  });

  it('long mixed text keeps the rules on every line, at every width', () => {
    const text = '根据《档案管理办法》（试行）第三条：机密、绝密档案应单独存放；借阅须经审批！是否“内部资料，严禁外传”？々ー车牌沪A12345，VIN LSVAU2180N2183294。'.repeat(3);
    // The longest run that may not be split (传”？々ー) is five characters.
    for (let width = 5; width <= 30; width += 1) {
      const lines = breakLines(text, each, width);
      expectRulesKept(lines);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(width);
    }
  });
});
