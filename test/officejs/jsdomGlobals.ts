/** What jsdom lacks and the engine uses at load time (TextDecoder for .xlsx parts, TextEncoder for hashes). Import first. */
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
