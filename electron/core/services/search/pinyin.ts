import { pinyin } from 'pinyin-pro';

const cache = new Map<string, readonly string[]>();
const HAS_HAN = /\p{Script=Han}/u;

/**
 * A name's pinyin, in full and as initials (张三 → zhangsan, zs), read as a personal name: the
 * first character with its surname reading (单 shan, 曾 zeng). Names repeat a lot in an archive,
 * so readings are kept for the life of the process.
 */
export function namePinyin(name: string): readonly string[] {
  if (!HAS_HAN.test(name)) return [];
  let readings = cache.get(name);
  if (!readings) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed', v: true }).filter((s) => s.length > 0);
    readings = [syllables.join('').toLowerCase(), syllables.map((s) => s[0] ?? '').join('').toLowerCase()];
    if (cache.size > 200_000) cache.clear();
    cache.set(name, readings);
  }
  return readings;
}
