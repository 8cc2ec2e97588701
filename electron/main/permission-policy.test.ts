import { describe, expect, it } from 'vitest';
import { grantsPermission, type PermissionAsk } from './permission-policy';
import { APP_ENTRY } from './url-policy';

const camera: PermissionAsk = { permission: 'media', url: APP_ENTRY, isMainFrame: true, mediaTypes: ['video'] };

describe('the window grants the camera only', () => {
  it('grants the camera to the app page', () => {
    expect(grantsPermission(camera)).toBe(true);
    expect(grantsPermission({ ...camera, url: 'app://dossierdesk' })).toBe(true);
    expect(grantsPermission({ ...camera, url: 'http://localhost:5173/#/dossiers' }, 'http://localhost:5173/')).toBe(true);
  });

  it('refuses the microphone, alone or with the camera, and a media ask that names nothing', () => {
    expect(grantsPermission({ ...camera, mediaTypes: ['audio'] })).toBe(false);
    expect(grantsPermission({ ...camera, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(grantsPermission({ ...camera, mediaTypes: ['unknown'] })).toBe(false);
    expect(grantsPermission({ ...camera, mediaTypes: [] })).toBe(false);
  });

  it('refuses every other permission', () => {
    for (const permission of ['display-capture', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'usb', 'serial', 'midi', 'openExternal', 'fullscreen', 'unknown']) {
      expect(grantsPermission({ ...camera, permission }), permission).toBe(false);
    }
  });

  it('refuses other pages and frames', () => {
    expect(grantsPermission({ ...camera, url: 'https://example.com/' })).toBe(false);
    expect(grantsPermission({ ...camera, url: 'app://evil/index.html' })).toBe(false);
    expect(grantsPermission({ ...camera, url: 'file:///C:/x.html' })).toBe(false);
    expect(grantsPermission({ ...camera, url: '' })).toBe(false);
    expect(grantsPermission({ ...camera, url: 'http://localhost:5173/' })).toBe(false);
    expect(grantsPermission({ ...camera, isMainFrame: false })).toBe(false);
  });
});
