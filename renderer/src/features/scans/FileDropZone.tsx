import type { DragEvent, ReactNode } from 'react';
import { targetId, type FilingTarget } from './filing-target';
import { useScanDesk } from './scan-desk';

/** Files dragged from the desktop, not a page dragged within a strip. */
export const carriesFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

interface Props {
  target: FilingTarget;
  className?: string;
  children: ReactNode;
}

/** A place files may be dropped onto from the desktop; the innermost place under the pointer takes them. */
export function FileDropZone({ target, className = '', children }: Props) {
  const desk = useScanDesk();
  const id = targetId(target);
  if (!desk.editable) return <div className={className}>{children}</div>;
  const idle = desk.filing.phase === 'idle';
  return (
    <div
      className={`${className} scan-drop${desk.hovered === id ? ' scan-drop-active' : ''}`}
      data-testid={`drop-${id}`}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = idle ? 'copy' : 'none';
        desk.hover(id);
      }}
      onDragLeave={(event) => {
        // Left for somewhere outside this place (a place within it lights up by itself).
        if (desk.hovered === id && !(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) desk.hover(null);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.stopPropagation();
        desk.hover(null);
        if (idle) void desk.filing.file(target, [...event.dataTransfer.files]);
      }}
    >
      {children}
    </div>
  );
}
