import { characters, normaliseForSearch } from './normalise';
import { namePinyin } from './pinyin';

/** One thing the search box finds a dossier by. Names also answer to their pinyin. */
export interface SearchPart {
  value: string;
  /** Where it comes from, for showing why a dossier was found (档号, 车牌号, 卷内文件 …). */
  label: string;
  isName?: boolean;
  /** Found by, but never shown (an ID number): the hit says where, not what. */
  sensitive?: boolean;
}

/** What the search index holds for one dossier (see db/schema/search.ts). */
export interface SearchEntry {
  /** Normalised parts separated by spaces: candidates are confirmed against it. */
  text: string;
  /** Every character and every neighbouring pair of each part, space-separated. */
  grams: string;
}

export function searchEntry(parts: readonly SearchPart[]): SearchEntry {
  const normalised: string[] = [];
  for (const part of parts) {
    const value = normaliseForSearch(part.value);
    if (value) normalised.push(value);
    if (part.isName) normalised.push(...namePinyin(part.value));
  }
  const unique = [...new Set(normalised)];
  const grams = new Set<string>();
  for (const part of unique) {
    const chars = characters(part);
    for (let i = 0; i < chars.length; i += 1) {
      const char = chars[i] as string;
      grams.add(char);
      if (i + 1 < chars.length) grams.add(char + (chars[i + 1] as string));
    }
  }
  return { text: unique.join(' '), grams: [...grams].join(' ') };
}
