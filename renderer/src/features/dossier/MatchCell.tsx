import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchMatch } from '../../../../shared/contract';

/**
 * Where a hit matched, in the hit list: the part's label and its value – or the window of a
 * long value the core chose around the match, with … where text was left out – the matched
 * stretches marked. A name found by its pinyin says so; a sensitive value is only named.
 */
export function MatchCell({ match }: { match: SearchMatch }) {
  const { t } = useTranslation();
  const label = <span className="search-match-label">{match.label}：</span>;
  if (match.value === null) {
    return (
      <span className="search-match" data-testid="search-match">
        {label}
        <span className="search-match-masked">{t('catalogue.maskedValue')}</span>
      </span>
    );
  }
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of match.highlights) {
    if (start > at) pieces.push(match.value.slice(at, start));
    pieces.push(<mark key={start}>{match.value.slice(start, end)}</mark>);
    at = end;
  }
  if (at < match.value.length) pieces.push(match.value.slice(at));
  return (
    <span className="search-match" data-testid="search-match">
      {label}
      {match.cutBefore && '…'}
      {pieces}
      {match.cutAfter && '…'}
      {match.pinyin && <span className="search-match-pinyin">（{t('catalogue.byPinyin', { pinyin: match.pinyin })}）</span>}
    </span>
  );
}
