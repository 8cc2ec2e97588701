import { ScissorOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CapturedPage } from './captured-pages';
import { PageCanvas } from './PageCanvas';

interface Props {
  pages: readonly CapturedPage[];
  /** The page open in the editor, if any. */
  current: number | null;
  onOpen: (id: number) => void;
}

/** The pages taken so far, in filing order, each as it will be filed (turned and cropped). */
export function CapturedStrip({ pages, current, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <div className="camera-strip" data-testid="camera-strip">
      <div className="camera-strip-head muted">{pages.length > 0 ? t('camera.pages', { count: pages.length }) : t('camera.none')}</div>
      {pages.map((page, index) => (
        <button
          key={page.id}
          type="button"
          className={`camera-strip-page${current === page.id ? ' camera-strip-current' : ''}`}
          onClick={() => onOpen(page.id)}
          title={t('camera.pageN', { n: index + 1 })}
          data-testid={`camera-page-${index + 1}`}
        >
          <PageCanvas page={page} maxSide={240} cropped />
          <span className="camera-strip-foot">
            {index + 1}
            {page.crop && <ScissorOutlined title={t('camera.cropped')} data-testid={`camera-page-${index + 1}-cropped`} />}
          </span>
        </button>
      ))}
    </div>
  );
}
