/** Tells the ES5 first script (src/boot/boot.js) that the main bundle was parsed and runs. */
export function markStarted(): void {
  (globalThis as unknown as { __reformProgressStarted?: boolean }).__reformProgressStarted = true;
}
