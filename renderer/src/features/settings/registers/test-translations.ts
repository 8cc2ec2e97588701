import { createInstance } from 'i18next';
import { zhCN } from '../../../i18n/zh-CN';
import { wordsOf, type Words } from './words';

/**
 * The screen's Chinese translations, for tests of the helpers that put rules into words (no
 * browser, no stored language). en.ts is typed by i18n/index.ts, which needs a browser: the
 * English words are checked in the browser test.
 */
export function chineseWords(): Words {
  const i18n = createInstance();
  void i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', initAsync: false, interpolation: { escapeValue: false } });
  return wordsOf(i18n.t, 'zh-CN');
}
