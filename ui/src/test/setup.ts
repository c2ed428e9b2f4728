// Test setup: a fresh fake Tauri IPC per test, and French as the language.
import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { setLocale } from '../lib/i18n';

setLocale('fr');

afterEach(() => {
  clearMocks();
});

// jsdom has no layout: bind:clientHeight needs a ResizeObserver to exist.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
