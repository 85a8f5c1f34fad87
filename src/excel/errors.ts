/** Office.js errors → HostError with a code the pane can explain. */
import { HostError, type HostErrorCode } from '../core';

const BY_CODE: Readonly<Record<string, HostErrorCode>> = {
  InvalidOperationInCellEditMode: 'cellEdit',
  AccessDenied: 'accessDenied',
  ItemNotFound: 'notFound',
  InvalidArgument: 'invalidArgument',
  RequestPayloadSizeLimitExceeded: 'payloadTooLarge',
  PayloadTooLarge: 'payloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'payloadTooLarge',
  GeneralException: 'unknown',
  ConnectionFailure: 'network',
  RequestAborted: 'network',
};

export function toHostError(err: unknown): HostError {
  if (err instanceof HostError) return err;
  const code =
    typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : String(err);
  let mapped: HostErrorCode =
    BY_CODE[code] ?? (/network|fetch|connection/i.test(message) ? 'network' : 'unknown');
  if (mapped === 'accessDenied' && /protect/i.test(message)) mapped = 'protected';
  return new HostError(mapped, message, { detail: message.slice(0, 200) });
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toHostError(err);
  }
}
