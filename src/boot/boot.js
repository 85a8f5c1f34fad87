/*
 * The first script of taskpane.html and commands.html, written in ES5 so that every engine Office
 * may run the add-in in can parse it (Office 2016/2019 use Internet Explorer 11 or EdgeHTML).
 * The main bundles need ES2020; an older engine cannot parse them, and nothing would happen. When the
 * page has loaded and the main bundle has not started (it sets window.__reformProgressStarted), this
 * says so: the pane shows a message in Japanese and English; the ribbon command opens a small
 * dialog with the same message and completes its event, so Excel does not wait for it.
 */
(function () {
  'use strict';
  var page = document.documentElement.getAttribute('data-rp-page');
  var MESSAGE_JA =
    'このバージョンの Excel では「改革進捗」を使えません。Microsoft 365 の Excel、Excel 2021 以降、' +
    'または Excel on the web（Microsoft Edge・Google Chrome など）でお使いください。';
  var MESSAGE_EN =
    'This version of Excel cannot run Reform Progress. Please use Excel for Microsoft 365, ' +
    'Excel 2021 or later, or Excel on the web (Microsoft Edge, Google Chrome, ...).';

  function started() {
    return window.__reformProgressStarted === true;
  }

  function paragraph(text, lang) {
    var p = document.createElement('p');
    p.setAttribute('lang', lang);
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function showInPane() {
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('id', 'rp-too-old');
    box.style.padding = '16px';
    box.style.fontFamily = 'Meiryo, "Yu Gothic UI", "Segoe UI", sans-serif';
    box.appendChild(paragraph(MESSAGE_JA, 'ja'));
    box.appendChild(paragraph(MESSAGE_EN, 'en'));
    var root = document.getElementById('root');
    (root || document.body).appendChild(box);
  }

  /** The ribbon command on an engine too old: a dialog with the message, then the event completes. */
  function tooOldCommand(event) {
    try {
      var office = window.Office;
      if (office && office.context && office.context.ui && office.context.ui.displayDialogAsync) {
        var url = window.location.href.replace(/[^/]*([?#].*)?$/, 'too-old.html');
        office.context.ui.displayDialogAsync(url, { height: 30, width: 40 });
      }
    } catch (error) {
      // Nothing more can be shown from a function file; the event still completes below.
      void error;
    }
    if (event && typeof event.completed === 'function') event.completed();
  }

  function registerCommand() {
    window.generateSummary = tooOldCommand;
    var office = window.Office;
    if (!office) return;
    var associate = function () {
      if (office.actions && office.actions.associate)
        office.actions.associate('generateSummary', tooOldCommand);
    };
    if (typeof office.onReady === 'function') office.onReady(associate);
    else associate();
  }

  function check() {
    if (started()) return;
    if (page === 'commands') registerCommand();
    else showInPane();
  }

  if (window.addEventListener) window.addEventListener('load', check, false);
  else if (window.attachEvent) window.attachEvent('onload', check);
})();
