import { chromium, type Browser } from 'playwright-core';
// Debian's Chromium (never a downloaded browser), as npm test's prerequisite check found it;
// HERALD_TEST_CHROMIUM points elsewhere.
import { CHROMIUM } from '../../../scripts/prerequisites.mjs';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses; --no-sandbox because the tests run as root.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
