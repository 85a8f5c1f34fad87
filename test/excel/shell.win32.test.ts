/** @jest-environment jsdom */
/** The Office.js shell on Microsoft's Excel client library, Windows desktop build (excel-win32-16.01.js). */
import '../officejs/jsdomGlobals';
import { shellSuite } from './officeJsShell.suite';

shellSuite('win32');
