import { useRef, useState, type PointerEvent } from 'react';
import { useElementSize } from '../use-element-size';
import type { CapturedPage } from './captured-pages';
import { cropFromDrag, handles, moveCrop, resizeCrop, type Crop, type Handle, type Point } from './crop-geometry';
import { turnedSize } from './page-layout';
import { PageCanvas } from './PageCanvas';

type Drag = { kind: 'new'; from: Point } | { kind: 'move'; from: Point; start: Crop } | { kind: 'resize'; handle: Handle; start: Crop };

const percent = (fraction: number) => `${fraction * 100}%`;
const place = (crop: Crop) => ({ left: percent(crop.x), top: percent(crop.y), width: percent(crop.width), height: percent(crop.height) });

/**
 * The page whole and turned, with its crop: drag on the page for a new rectangle, drag the
 * rectangle's edges or corners to adjust it, drag inside it to move it.
 */
export function CropEditor({ page, onCrop }: { page: CapturedPage; onCrop: (crop: Crop | null) => void }) {
  const [stageRef, stage] = useElementSize<HTMLDivElement>();
  const drag = useRef<Drag | null>(null);
  const [draft, setDraft] = useState<Crop | null>(null);
  const turned = turnedSize(page.size, page.rotation);
  const fit = Math.min(stage.width / turned.width, stage.height / turned.height);
  const shown = draft ?? page.crop;

  const pointOf = (event: PointerEvent<HTMLElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  };
  const follow = (at: Point): Crop | null => {
    const current = drag.current;
    if (!current) return null;
    if (current.kind === 'new') return cropFromDrag(current.from, at);
    if (current.kind === 'move') return moveCrop(current.start, at.x - current.from.x, at.y - current.from.y);
    return resizeCrop(current.start, current.handle, at);
  };

  return (
    <div ref={stageRef} className="camera-stage-fill">
      {fit > 0 && (
        <div
          className="camera-crop"
          style={{ width: Math.floor(turned.width * fit), height: Math.floor(turned.height * fit) }}
          data-testid="camera-crop-area"
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            const at = pointOf(event);
            const handle = (event.target as HTMLElement).dataset.handle as Handle | undefined;
            const inside = (event.target as HTMLElement).dataset.crop !== undefined;
            drag.current = page.crop && handle ? { kind: 'resize', handle, start: page.crop } : page.crop && inside ? { kind: 'move', from: at, start: page.crop } : { kind: 'new', from: at };
            event.currentTarget.setPointerCapture(event.pointerId);
            event.preventDefault();
          }}
          onPointerMove={(event) => {
            if (drag.current) setDraft(follow(pointOf(event)));
          }}
          onPointerUp={(event) => {
            const done = follow(pointOf(event));
            // A click without a drag leaves the crop as it was.
            if (done) onCrop(done);
            drag.current = null;
            setDraft(null);
          }}
          onPointerCancel={() => {
            drag.current = null;
            setDraft(null);
          }}
        >
          <PageCanvas page={page} maxSide={1200} cropped={false} className="camera-crop-page" />
          {shown && (
            <div className="camera-crop-shade">
              <div className="camera-crop-hole" style={place(shown)} />
            </div>
          )}
          {shown && (
            <div className="camera-crop-box" data-crop="" data-testid="camera-crop-box" style={place(shown)}>
              {handles.map((handle) => (
                <span key={handle} className={`camera-crop-handle camera-crop-${handle}`} data-handle={handle} data-testid={`camera-crop-${handle}`} />
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
