/** Task pane entry inside Excel. */
import { langFromTag } from '../core';
import { createExcelHost } from '../excel/host';
import { mountPane } from './mount';
import { markStarted } from '../boot/started';

markStarted();

void Office.onReady(() => {
  const root = document.getElementById('root');
  if (!root) return;
  mountPane(root, createExcelHost(), langFromTag(Office.context.displayLanguage));
});
