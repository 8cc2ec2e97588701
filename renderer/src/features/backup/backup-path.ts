/**
 * A backup's full path from its folder and file name, in the folder's own style: the core may run
 * on Windows (E:\备份, \\server\share) while the window only knows the folder as typed.
 */
export function backupFilePath(folder: string, fileName: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${fileName}` : `${folder}${separator}${fileName}`;
}
