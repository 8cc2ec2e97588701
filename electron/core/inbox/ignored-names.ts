/**
 * Names a scanner, a copy program or a browser gives a file while it is still being written, and
 * the hidden files of the systems: such a file never appears in the scan inbox (it is renamed to
 * its real name once complete, and then appears).
 */
const IGNORED = [
  /^\./, // hidden (.DS_Store, ._x.jpg, .~lock…)
  /^~/, // ~$x.pdf, ~WRL0001.tmp
  /\.(?:tmp|temp|part|partial|crdownload|download|filepart|!ut|swp)$/i,
  /~$/, // editors' backups
  /^(?:thumbs\.db|desktop\.ini)$/i,
];

export function isIgnoredName(name: string): boolean {
  return IGNORED.some((pattern) => pattern.test(name));
}
