/** Debian's Chromium: the e2e tests and the first-screen bench never use a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// This machine has no network beyond the registries: keep Chromium from dialling out.
export const chromiumArgs = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
