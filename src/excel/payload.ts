/**
 * Request sizes as Office.js serializes them, so a large write can be split before Excel on the web
 * refuses it (5 MB per request). Sizes are UTF-8 bytes of the JSON the library sends (Japanese text
 * is 3 bytes a character), and the per-operation costs were measured on Microsoft's Excel client
 * library: each operation on a new range carries its object path, instantiations, a _KeepReference
 * action and the property set (~450 bytes before its payload), a hyperlink ~520 bytes, a chart
 * several kilobytes. test/excel/officeJsShell.suite.ts checks every request against the budget on
 * the real serialized bytes.
 */

/** UTF-8 bytes of a string, without TextEncoder (not in every webview the pane runs in). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Serialized bytes of a value sent as an argument. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

/** One operation on a range got by address: object path, instantiations, _KeepReference, the action. */
export const RANGE_OP_BYTES = 600;
/** One more property set or method call on an object already in the request. */
export const PROPERTY_OP_BYTES = 250;
/** Office.js splits a large 2-D write into chunks of 1,500 cells, each with its own sub-range paths. */
export const CHUNK_BYTES = 900;
export const CELLS_PER_CHUNK = 1500;

/** Consecutive items in groups whose summed sizes stay within `maxBytes` (one item alone may exceed it). */
export function groupBySize<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  maxBytes: number,
): { items: T[]; first: number; bytes: number }[] {
  const groups: { items: T[]; first: number; bytes: number }[] = [];
  let current: { items: T[]; first: number; bytes: number } = { items: [], first: 0, bytes: 0 };
  items.forEach((item, i) => {
    const bytes = sizeOf(item);
    if (current.items.length > 0 && current.bytes + bytes > maxBytes) {
      groups.push(current);
      current = { items: [], first: i, bytes: 0 };
    }
    current.items.push(item);
    current.bytes += bytes;
  });
  if (current.items.length > 0) groups.push(current);
  return groups;
}

/**
 * Queues work into the current request, syncing first when it would push the request over the
 * budget. Each sync here is one more round trip, taken only for large writes.
 */
export function requestBudget(context: Excel.RequestContext, maxBytes: number) {
  let pending = 0;
  return async (bytes: number, queue: () => void): Promise<void> => {
    if (pending > 0 && pending + bytes > maxBytes) {
      await context.sync();
      pending = 0;
    }
    queue();
    pending += bytes;
  };
}
