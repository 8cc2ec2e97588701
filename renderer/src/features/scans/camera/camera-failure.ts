/**
 * Why the camera shows no picture, as the clerk is told: no camera at all, permission refused,
 * the camera held by another program (or failing to start), or unplugged / taken away while open.
 */
export type CameraFailure = 'unsupported' | 'none' | 'denied' | 'busy' | 'ended';

/** The failure a getUserMedia rejection stands for (DOMException names from the Media Capture spec). */
export function cameraFailureOf(error: unknown): CameraFailure {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'none';
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    default:
      // NotReadableError (held by another program, or the driver failed), AbortError and the rest.
      return 'busy';
  }
}
