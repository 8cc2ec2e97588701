import { describe, expect, it } from 'vitest';
import { departmentSubtreeCodes } from './departments';

describe('department scope', () => {
  it('is the department and everything below it, at any depth, regardless of order', () => {
    const tree = [
      { code: 'XSB11', parentCode: 'XSB1' },
      { code: 'XSB', parentCode: null },
      { code: 'XSB1', parentCode: 'XSB' },
      { code: 'SHB', parentCode: null },
    ];
    expect([...departmentSubtreeCodes(tree, 'XSB')].sort()).toEqual(['XSB', 'XSB1', 'XSB11']);
    expect([...departmentSubtreeCodes(tree, 'SHB')]).toEqual(['SHB']);
  });
});
