import { createRoot } from 'react-dom/client';
import type { HostPort, Lang } from '../core';
import { App } from './App';

/** Mount the pane on a host: Excel's, or the browser preview's in-memory workbook. */
export function mountPane(root: HTMLElement, host: HostPort, lang: Lang, badge?: string): void {
  createRoot(root).render(<App host={host} initialLang={lang} {...(badge ? { badge } : {})} />);
}
