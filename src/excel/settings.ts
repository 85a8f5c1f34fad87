/**
 * Settings stored in the workbook: context.workbook.settings (ExcelApi 1.4), else the document
 * settings of Office.js with saveAsync checked for success. Returned raw: the caller parses with zod.
 */
import { HostError } from '../core';
import { type ExcelEnv, runBatch } from './env';
import { guarded } from './errors';

export const SETTINGS_KEY = 'reformProgress.settings';

export function loadSettings(env: ExcelEnv): Promise<unknown> {
  if (!env.isSetSupported('ExcelApi', '1.4')) {
    const raw = env.documentSettings?.get(SETTINGS_KEY) as unknown;
    return Promise.resolve(typeof raw === 'string' ? parseJson(raw) : (raw ?? null));
  }
  return guarded(() =>
    runBatch(env, async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load('value');
      await context.sync();
      if (item.isNullObject) return null;
      return typeof item.value === 'string' ? parseJson(item.value) : (item.value as unknown);
    }),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function saveSettings(env: ExcelEnv, settings: unknown): Promise<void> {
  const text = JSON.stringify(settings);
  if (!env.isSetSupported('ExcelApi', '1.4')) {
    const store = env.documentSettings;
    if (!store)
      return Promise.reject(
        new HostError('notSupported', 'settings', { feature: 'Office.context.document.settings' }),
      );
    store.set(SETTINGS_KEY, text);
    // AsyncResultStatus.Succeeded is the string 'succeeded'; compared as text so no global Office is needed here.
    return new Promise((resolve, reject) =>
      store.saveAsync((result) =>
        String(result.status) === 'succeeded'
          ? resolve()
          : reject(
              new HostError('unknown', result.error?.message ?? 'saveAsync failed', {
                detail: result.error?.message ?? '',
              }),
            ),
      ),
    );
  }
  return guarded(() =>
    runBatch(env, async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, text);
      await context.sync();
    }),
  );
}
