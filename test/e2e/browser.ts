import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium: found at /usr/bin/chromium, or installed with apt-get (root, as on CI) and
 * said so. No browser is downloaded from anywhere else.
 */
export function findChromium(): string {
  if (!existsSync(CHROMIUM)) {
    console.log("Chromium not found at /usr/bin/chromium: installing Debian's package (apt-get install -y chromium)");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
      timeout: 600_000,
    });
  }
  return CHROMIUM;
}

/** A headless Chromium with a fresh profile and no background networking. */
export function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'armsrace-chromium-')), {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
