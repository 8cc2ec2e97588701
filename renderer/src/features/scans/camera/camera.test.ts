import { describe, expect, it } from 'vitest';
import { cameraDevices, cameraToOpen, rememberCamera, rememberedCamera } from './camera-choice';
import { cameraFailureOf } from './camera-failure';
import { capturedPages, type CapturedPage, type Shot } from './captured-pages';
import { cropFromDrag, cropPixels, moveCrop, resizeCrop, turnCrop, type Crop } from './crop-geometry';
import { MAX_PAGE_PIXELS, pageLayout, placePoint, type Rotation } from './page-layout';

const close = (actual: Crop | null, expected: Crop) => {
  expect(actual).not.toBeNull();
  for (const key of ['x', 'y', 'width', 'height'] as const) expect(actual?.[key]).toBeCloseTo(expected[key], 9);
};

describe('crop geometry', () => {
  it('a drag in any direction is the same rectangle, kept inside the page; a click is no crop', () => {
    const crop = { x: 0.1, y: 0.2, width: 0.5, height: 0.6 };
    close(cropFromDrag({ x: 0.1, y: 0.2 }, { x: 0.6, y: 0.8 }), crop);
    close(cropFromDrag({ x: 0.6, y: 0.8 }, { x: 0.1, y: 0.2 }), crop);
    close(cropFromDrag({ x: 0.6, y: 0.2 }, { x: 0.1, y: 0.8 }), crop);
    close(cropFromDrag({ x: -0.5, y: -1 }, { x: 1.7, y: 0.5 }), { x: 0, y: 0, width: 1, height: 0.5 });
    expect(cropFromDrag({ x: 0.3, y: 0.3 }, { x: 0.31, y: 0.6 })).toBeNull();
  });

  it('moving stops at the edges; resizing moves only the held edges and never turns the frame inside out', () => {
    const crop = { x: 0.2, y: 0.2, width: 0.4, height: 0.4 };
    close(moveCrop(crop, 0.1, -0.05), { x: 0.3, y: 0.15, width: 0.4, height: 0.4 });
    close(moveCrop(crop, 5, -5), { x: 0.6, y: 0, width: 0.4, height: 0.4 });
    close(resizeCrop(crop, 'se', { x: 0.9, y: 0.7 }), { x: 0.2, y: 0.2, width: 0.7, height: 0.5 });
    close(resizeCrop(crop, 'w', { x: 0.1, y: 0.99 }), { x: 0.1, y: 0.2, width: 0.5, height: 0.4 });
    close(resizeCrop(crop, 'n', { x: 0, y: -3 }), { x: 0.2, y: 0, width: 0.4, height: 0.6 });
    // Dragged past the opposite edge: the frame stops at its smallest.
    close(resizeCrop(crop, 'e', { x: 0.05, y: 0.5 }), { x: 0.2, y: 0.2, width: 0.05, height: 0.4 });
  });

  it('a turned page keeps the same part cropped; four turns are none', () => {
    const crop = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
    // The top-left corner region of a page turned clockwise lies along its right edge, at the top.
    close(turnCrop(crop, true), { x: 0.4, y: 0.1, width: 0.4, height: 0.3 });
    close(turnCrop(turnCrop(crop, true), false), crop);
    close(turnCrop(turnCrop(turnCrop(turnCrop(crop, true), true), true), true), crop);
  });

  it('pixels of a crop are whole and inside the page', () => {
    expect(cropPixels(null, 4000, 3000)).toEqual({ x: 0, y: 0, width: 4000, height: 3000 });
    expect(cropPixels({ x: 0.25, y: 0.5, width: 0.5, height: 0.5 }, 4000, 3000)).toEqual({ x: 1000, y: 1500, width: 2000, height: 1500 });
    expect(cropPixels({ x: 0.9999, y: 0, width: 0.0001, height: 1 }, 10, 10)).toEqual({ x: 10, y: 0, width: 1, height: 10 });
  });
});

describe('page layout (what is drawn and encoded as the filed JPEG)', () => {
  const photo = { width: 4000, height: 3000 };
  const corners = (rotation: Rotation) => {
    const layout = pageLayout(photo, rotation, null, {});
    return { size: [layout.width, layout.height], topLeft: placePoint(layout, 0, 0), bottomRight: placePoint(layout, photo.width, photo.height) };
  };

  it('turns the photo onto a canvas of the turned size, every corner where a clockwise turn puts it', () => {
    expect(corners(0)).toEqual({ size: [4000, 3000], topLeft: { x: 0, y: 0 }, bottomRight: { x: 4000, y: 3000 } });
    expect(corners(90)).toEqual({ size: [3000, 4000], topLeft: { x: 3000, y: 0 }, bottomRight: { x: 0, y: 4000 } });
    expect(corners(180)).toEqual({ size: [4000, 3000], topLeft: { x: 4000, y: 3000 }, bottomRight: { x: 0, y: 0 } });
    expect(corners(270)).toEqual({ size: [3000, 4000], topLeft: { x: 0, y: 4000 }, bottomRight: { x: 3000, y: 0 } });
  });

  it('keeps full resolution for a crop and puts its corner at the origin', () => {
    const crop = { x: 0.25, y: 0.5, width: 0.5, height: 0.5 };
    const layout = pageLayout(photo, 0, crop, { maxPixels: MAX_PAGE_PIXELS });
    expect([layout.width, layout.height]).toEqual([2000, 1500]);
    expect(placePoint(layout, 1000, 1500)).toEqual({ x: 0, y: 0 });
    // Turned: the crop is of the turned page (3000 × 4000).
    const turned = pageLayout(photo, 90, crop, {});
    expect([turned.width, turned.height]).toEqual([1500, 2000]);
    // Photo pixel (u, v) is at (3000 − v, u) on the turned page; the crop starts at (750, 2000).
    expect(placePoint(turned, 2000, 2250)).toEqual({ x: 0, y: 0 });
  });

  it('scales a photo over the pixel budget down to it, keeping its proportions; never scales up', () => {
    const huge = pageLayout({ width: 12000, height: 9000 }, 0, null, { maxPixels: MAX_PAGE_PIXELS });
    expect(huge.width * huge.height).toBeLessThanOrEqual(MAX_PAGE_PIXELS);
    expect(huge.width * huge.height).toBeGreaterThan(MAX_PAGE_PIXELS * 0.999);
    expect(huge.width / huge.height).toBeCloseTo(12000 / 9000, 3);
    expect(placePoint(huge, 12000, 9000)).toEqual({ x: huge.width, y: huge.height });
    const small = pageLayout({ width: 640, height: 480 }, 0, null, { maxPixels: MAX_PAGE_PIXELS, maxSide: 5000 });
    expect([small.width, small.height]).toEqual([640, 480]);
    const thumbnail = pageLayout(photo, 90, null, { maxSide: 240 });
    expect([thumbnail.width, thumbnail.height]).toEqual([180, 240]);
  });
});

describe('captured pages', () => {
  // Shot n is told apart by its sizes in bytes.
  const shot = (n: number): Shot => ({ photo: new Blob(['x'.repeat(n)]), size: { width: 400, height: 300 }, preview: new Blob(['p'.repeat(n)]) });
  const run = (...actions: Parameters<typeof capturedPages>[1][]) => actions.reduce<CapturedPage[]>(capturedPages, []);

  it('adds pages in order, each turned like the page before it', () => {
    const pages = run({ type: 'add', id: 1, shot: shot(1) }, { type: 'turn', id: 1, clockwise: true }, { type: 'add', id: 2, shot: shot(2) });
    expect(pages.map((p) => [p.id, p.rotation])).toEqual([
      [1, 90],
      [2, 90],
    ]);
  });

  it('turns a page with its crop, and back', () => {
    const crop = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
    const pages = run({ type: 'add', id: 1, shot: shot(1) }, { type: 'crop', id: 1, crop }, { type: 'turn', id: 1, clockwise: false });
    expect(pages[0]?.rotation).toBe(270);
    close(pages[0]?.crop ?? null, turnCrop(crop, false));
    const back = capturedPages(pages, { type: 'turn', id: 1, clockwise: true });
    expect(back[0]?.rotation).toBe(0);
    close(back[0]?.crop ?? null, crop);
  });

  it('a retake keeps the place and turn, drops the crop; a removed page is gone', () => {
    const retaken = run(
      { type: 'add', id: 1, shot: shot(1) },
      { type: 'add', id: 2, shot: shot(2) },
      { type: 'turn', id: 1, clockwise: true },
      { type: 'crop', id: 1, crop: { x: 0, y: 0, width: 0.5, height: 0.5 } },
      { type: 'retake', id: 1, shot: shot(3) },
    );
    expect(retaken.map((p) => p.id)).toEqual([1, 2]);
    expect(retaken[0]).toMatchObject({ rotation: 90, crop: null });
    expect([retaken[0]?.photo.size, retaken[0]?.preview.size]).toEqual([3, 3]);
    expect(capturedPages(retaken, { type: 'remove', id: 1 }).map((p) => p.id)).toEqual([2]);
  });
});

describe('camera choice and failures', () => {
  const devices = [
    { deviceId: 'a', label: 'Integrated Camera' },
    { deviceId: 'b', label: '高拍仪 S500' },
  ];

  it('opens the camera asked for, else the one remembered if plugged in, else the first', () => {
    expect(cameraToOpen(devices, 'b', 'a')).toBe('b');
    expect(cameraToOpen(devices, null, 'b')).toBe('b');
    expect(cameraToOpen(devices, 'gone', 'gone too')).toBe('a');
    expect(cameraToOpen([], null, 'b')).toBeNull();
  });

  it('remembers the choice on this computer', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) };
    expect(rememberedCamera(storage)).toBeNull();
    rememberCamera('b', storage);
    expect(rememberedCamera(storage)).toBe('b');
  });

  it('lists video inputs only, numbering those without a label', () => {
    const info = (kind: string, deviceId: string, label: string) => ({ kind, deviceId, label });
    const listed = cameraDevices([info('audioinput', 'm', 'Microphone'), info('videoinput', 'a', ''), info('videoinput', 'b', '高拍仪'), info('videoinput', '', '')], (n) => `摄像头 ${n}`);
    expect(listed).toEqual([
      { deviceId: 'a', label: '摄像头 1' },
      { deviceId: 'b', label: '高拍仪' },
    ]);
  });

  it('tells why the camera did not open', () => {
    const failure = (name: string) => cameraFailureOf(Object.assign(new Error(name), { name }));
    expect(failure('NotFoundError')).toBe('none');
    expect(failure('OverconstrainedError')).toBe('none');
    expect(failure('NotAllowedError')).toBe('denied');
    expect(failure('SecurityError')).toBe('denied');
    expect(failure('NotReadableError')).toBe('busy');
    expect(failure('AbortError')).toBe('busy');
    expect(cameraFailureOf({ name: 'NotAllowedError', message: '' })).toBe('denied');
    expect(cameraFailureOf('weird')).toBe('busy');
  });
});
