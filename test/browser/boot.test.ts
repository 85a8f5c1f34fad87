/**
 * An engine too old for the bundles (Internet Explorer 11, EdgeHTML in Office 2016/2019) cannot
 * parse them: the bundle never starts. Here Chromium loads the built pages with the main bundle
 * refused, which is what such an engine sees, and the ES5 first script (src/boot/boot.js) must say
 * so: the pane shows the message in Japanese and English; the ribbon command opens the message in a
 * dialog and completes its event. With the bundle, no message. Office.js is a stub (no network).
 */
import type { Page } from 'playwright-core';
import { browserSession, describeInBrowser as maybe } from '../helpers/browser';

/** A stand-in for Office.js that records what the page asks of Office. */
const OFFICE_STUB = `window.Office = {
  onReady: function (cb) { setTimeout(cb, 0); return { then: function () {} }; },
  actions: { associate: function (name, fn) { window.__associated = { name: name, fn: fn }; } },
  context: { displayLanguage: 'ja-JP', ui: { displayDialogAsync: function (url) { window.__dialog = url; } } }
};`;

maybe('the ES5 first script on an engine too old for the bundle', () => {
  const session = browserSession();

  async function open(page: string, refuseBundle: boolean): Promise<Page> {
    const context = await session.browser.newContext();
    const tab = await context.newPage();
    await tab.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB }),
    );
    if (refuseBundle) await tab.route(/\/(taskpane|commands)\.[0-9a-f]+\.js$/, (route) => route.abort());
    await tab.goto(`${session.base}/${page}`, { waitUntil: 'load' });
    return tab;
  }

  test('the pane says in Japanese and English that this Excel is too old', async () => {
    const tab = await open('taskpane.html', true);
    const alert = tab.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('このバージョンの Excel では「改革進捗」を使えません');
    expect(text).toContain('This version of Excel cannot run Reform Progress');
    await tab.context().close();
  });

  test('the ribbon command opens the message in a dialog and completes its event', async () => {
    const tab = await open('commands.html', true);
    await tab.waitForFunction(
      () => (window as unknown as { __associated?: unknown }).__associated !== undefined,
    );
    const outcome = await tab.evaluate(() => {
      const w = window as unknown as {
        __associated: { name: string; fn: (e: { completed: () => void }) => void };
        __dialog?: string;
      };
      let completed = false;
      w.__associated.fn({ completed: () => (completed = true) });
      return { name: w.__associated.name, completed, dialog: w.__dialog ?? '' };
    });
    expect(outcome).toEqual({
      name: 'generateSummary',
      completed: true,
      dialog: `${session.base}/too-old.html`,
    });
    const dialog = await tab.context().newPage();
    await dialog.goto(outcome.dialog);
    expect(await dialog.textContent('body')).toContain('This version of Excel cannot run Reform Progress');
    await tab.context().close();
  });

  test('with the bundle, no message', async () => {
    const tab = await open('taskpane.html', false);
    await tab.waitForTimeout(300);
    expect(await tab.locator('#rp-too-old').count()).toBe(0);
    expect(
      await tab.evaluate(
        () => (window as unknown as { __reformProgressStarted?: boolean }).__reformProgressStarted,
      ),
    ).toBe(true);
    await tab.context().close();
  });
});
