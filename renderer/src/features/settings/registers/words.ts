import type { TFunction } from 'i18next';

/** What the helpers that put rules into words need: the translations and whether the screen is in English. */
export interface Words {
  t: TFunction;
  en: boolean;
}

export const wordsOf = (t: TFunction, language: string): Words => ({ t, en: language === 'en' });

export const pick = (label: { zh: string; en: string }, words: Words): string => (words.en ? label.en : label.zh);

/** 本部门、其他部门 – Own department, other department. */
export const listed = (items: readonly string[], words: Words): string => items.join(words.en ? ', ' : '、');

/** 本部门或其他部门 – own department or other department. */
export const either = (items: readonly string[], words: Words): string => items.join(words.en ? ' or ' : '或');
