import { describe, expect, it } from 'vitest';
import { backupFilePath } from './backup-path';

describe('backupFilePath', () => {
  it('joins in the folder’s own style', () => {
    expect(backupFilePath('/mnt/usb/备份', 'a.ddbackup')).toBe('/mnt/usb/备份/a.ddbackup');
    expect(backupFilePath('E:\\档案备份', 'a.ddbackup')).toBe('E:\\档案备份\\a.ddbackup');
    expect(backupFilePath('\\\\server\\share', 'a.ddbackup')).toBe('\\\\server\\share\\a.ddbackup');
    expect(backupFilePath('E:/backups', 'a.ddbackup')).toBe('E:/backups/a.ddbackup');
  });

  it('adds no second separator after a root', () => {
    expect(backupFilePath('/', 'a.ddbackup')).toBe('/a.ddbackup');
    expect(backupFilePath('E:\\', 'a.ddbackup')).toBe('E:\\a.ddbackup');
  });
});
