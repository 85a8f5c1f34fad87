/** @jest-environment jsdom */
/** The Office.js shell on Microsoft's Excel client library, Excel on the web build (excel-web-16.00.js). */
import '../officejs/jsdomGlobals';
import { shellSuite } from './officeJsShell.suite';

shellSuite('web');
