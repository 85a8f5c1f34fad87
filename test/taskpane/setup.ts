import { TextDecoder, TextEncoder } from 'node:util';
import { configure } from '@testing-library/react';

// CI machines are shared and slow: Fluent's dialogs and lazy tabs may take seconds to appear there.
configure({ asyncUtilTimeout: 15000 });
/** jsdom lacks what Fluent UI's MessageBar and Dialog use. */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
// jsdom has no TextEncoder; browsers and Node do (the core's SHA-256 uses it).
(globalThis as unknown as { TextEncoder: unknown }).TextEncoder ??= TextEncoder;
(globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= TextDecoder;
