/**
 * Office.js errors → HostError with a code the pane can explain. Classified by `error.code` only:
 * Excel's messages follow its display language, so their words mean nothing here. Protection is
 * recognised from the workbook's state before writing (applyPlan, createSheets, applyRollover), not
 * from an error's text; an AccessDenied that still comes says that Excel refused.
 */
import { HostError, type HostErrorCode } from '../core';

const BY_CODE: Readonly<Record<string, HostErrorCode>> = {
  InvalidOperationInCellEditMode: 'cellEdit',
  AccessDenied: 'accessDenied',
  ItemNotFound: 'notFound',
  InvalidArgument: 'invalidArgument',
  RequestPayloadSizeLimitExceeded: 'payloadTooLarge',
  PayloadTooLarge: 'payloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'payloadTooLarge',
  ApiNotFound: 'notSupported',
  GeneralException: 'unknown',
  ConnectionFailure: 'network',
  RequestAborted: 'network',
  ServiceNotAvailable: 'network',
};

export function toHostError(err: unknown): HostError {
  if (err instanceof HostError) return err;
  const code =
    typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : String(err);
  const mapped: HostErrorCode = BY_CODE[code] ?? 'unknown';
  const detail = `${code ? `${code}: ` : ''}${message}`.slice(0, 200);
  return new HostError(mapped, message, {
    detail,
    feature: code === 'ApiNotFound' ? message.slice(0, 200) : '',
  });
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toHostError(err);
  }
}
