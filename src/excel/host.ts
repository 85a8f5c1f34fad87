/** The Office.js implementation of the pane's host port. */
import type { HostCapabilities, HostPort } from '../core';
import { applyPlan } from './applyPlan';
import { installDropdowns, selectCell, writeCells } from './cells';
import { type ExcelEnv, officeEnv } from './env';
import { readSnapshot } from './readSnapshot';
import { applyRollover } from './rollover';
import { createSheets } from './templates';
import { loadSettings, saveSettings } from './settings';

export function createExcelHost(env: ExcelEnv = officeEnv(), fileName = 'このブック'): HostPort {
  const capabilities: HostCapabilities = {
    dataValidation: env.isSetSupported('ExcelApi', '1.8'),
    workbookSettings: env.isSetSupported('ExcelApi', '1.4') || env.documentSettings !== null,
    hyperlinks: env.isSetSupported('ExcelApi', '1.7'),
    charts: env.isSetSupported('ExcelApi', '1.7'),
  };
  return {
    readSnapshot: () => readSnapshot(env, fileName),
    applyPlan: (plan) => applyPlan(env, plan),
    selectCell: (sheet, cell) => selectCell(env, sheet, cell),
    writeCells: (edits) => writeCells(env, edits),
    installDropdowns: (sheet, ranges, symbols) => installDropdowns(env, sheet, ranges, symbols),
    createSheets: (sheets) => createSheets(env, sheets),
    applyRollover: (plan, symbols) => applyRollover(env, plan, symbols),
    loadSettings: () => loadSettings(env),
    saveSettings: (settings) => saveSettings(env, settings),
    capabilities: () => capabilities,
  };
}
