import { pinyin } from 'pinyin-pro';

const HAS_HAN = /\p{Script=Han}/u;
const PERSON_NAME = /^\p{Script=Han}{2,4}$/u;
const names = new Map<string, readonly string[]>();
const heads = new Map<string, readonly string[]>();
const singles = new Map<string, string>();

function syllables(text: string, surname: boolean): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off', nonZh: 'removed', v: true })
    .filter((s) => s.length > 0)
    .map((s) => s.toLowerCase());
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size > 100_000) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * A person's name read syllable by syllable: the first two characters together with their
 * surname reading (单 shan, 曾 zeng, 长孙 zhangsun), the rest one by one. Archives hold hundreds
 * of thousands of names built from a few thousand characters, so readings are kept per
 * character pair and per character rather than per name.
 */
function personName(name: string): string[] {
  const chars = Array.from(name);
  const head = cached(heads, chars.slice(0, 2).join(''), () => syllables(chars.slice(0, 2).join(''), true));
  return [...head, ...chars.slice(2).map((char) => cached(singles, char, () => syllables(char, false).join('')))];
}

/** A name's pinyin, in full and as initials (张三 → zhangsan, zs); other names (companies) as a whole. */
export function namePinyin(name: string): readonly string[] {
  if (!HAS_HAN.test(name)) return [];
  return cached(names, name, () => {
    const parts = PERSON_NAME.test(name) ? personName(name) : syllables(name, true);
    return [parts.join(''), parts.map((s) => s[0] ?? '').join('')];
  });
}

/**
 * A name's reading character by character (张三 → zhang, san), for showing which characters a
 * pinyin query matched; null when it cannot be lined up with namePinyin's (a company name whose
 * characters read differently together, letters or digits among them).
 */
export function nameSyllables(name: string): string[] | null {
  const chars = Array.from(name);
  const each = PERSON_NAME.test(name) ? personName(name) : chars.map((char) => cached(singles, char, () => syllables(char, false).join('')));
  const [full] = namePinyin(name);
  return each.length === chars.length && each.join('') === full ? each : null;
}
