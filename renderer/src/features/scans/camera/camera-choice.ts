/** The camera chosen last on this computer (a device preference, like the language: not archive data). */
const STORAGE_KEY = 'dossierdesk.documentCamera';

export interface CameraDevice {
  deviceId: string;
  label: string;
}

/** The window's localStorage (passed in, so this file is tested in plain Node). */
export interface Preferences {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function rememberedCamera(preferences: Preferences): string | null {
  return preferences.getItem(STORAGE_KEY);
}

export function rememberCamera(deviceId: string, preferences: Preferences): void {
  preferences.setItem(STORAGE_KEY, deviceId);
}

/** The camera to open: the one asked for if it is plugged in, else the one remembered, else the first. */
export function cameraToOpen(devices: readonly CameraDevice[], asked: string | null, remembered: string | null): string | null {
  for (const wanted of [asked, remembered]) if (wanted && devices.some((d) => d.deviceId === wanted)) return wanted;
  return devices[0]?.deviceId ?? null;
}

/** Video inputs with a label to show (a camera without one is numbered). */
export function cameraDevices(devices: readonly (CameraDevice & { kind: string })[], unnamed: (n: number) => string): CameraDevice[] {
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId).map((d, index) => ({ deviceId: d.deviceId, label: d.label || unnamed(index + 1) }));
}
