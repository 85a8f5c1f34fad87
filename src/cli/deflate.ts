/**
 * Node's own zlib for the parts the CLI writes: native DEFLATE and CRC-32, about twice fflate's speed
 * at the same level and size (docs/benchmarks.md); the writers take it as a parameter and stay free
 * of Node. Each
 * piece is compressed on its own and ends with a sync flush (byte-aligned, not final), the last one
 * with the final block, so the pieces concatenated are one valid DEFLATE stream.
 */
import * as zlib from 'node:zlib';
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { crc32 as jsCrc32, type Deflate, type DeflatePiece } from '../xlsx/rollover/zipWrite';

// zlib.crc32 is native from Node 20.15; on an older Node 20 the writer's own.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, crc: number) => number }).crc32;

// Level 2: on the 50-workbook summary's 10.9 MB of sheet XML, 35 ms for 1.42 MB where level 3
// takes 60 ms for 1.38 MB and level 6 125 ms for 1.21 MB (docs/benchmarks.md).
const LEVEL = 2;

function deflatePiece(chunk: Uint8Array, final: boolean): Uint8Array {
  const out = zlib.deflateRawSync(chunk, {
    level: LEVEL,
    finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

const crc32: Deflate['crc32'] = nativeCrc32 ? (data, crc) => nativeCrc32(data, crc) : jsCrc32;

export const nodeDeflate: Deflate = { stream: () => deflatePiece, crc32 };

/**
 * The helper thread's code: each piece it is sent compressed exactly as `deflatePiece` does (same
 * level, a sync flush), sent back, and the count of pieces sent back raised so a waiting writer wakes.
 */
const WORKER_SOURCE = `
const zlib = require('node:zlib');
const { workerData } = require('node:worker_threads');
const { port, done } = workerData;
port.on('message', ({ id, chunk }) => {
  const out = zlib.deflateRawSync(chunk, { level: ${LEVEL}, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.length);
  const copy = bytes.slice();
  port.postMessage({ id, bytes: copy }, [copy.buffer]);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

/**
 * `nodeDeflate` with a part's pieces compressed on a second thread while the writer goes on with the
 * next ones (a large sheet's ~40 pieces; the machine has a second core). The bytes are the same:
 * every piece is compressed on its own with the same settings either way. Interface unchanged
 * (synchronous): a piece before the last returns nothing yet, and the last one, compressed here,
 * returns the whole part's compressed bytes, waiting for the thread's pieces first.
 * Falls back to `nodeDeflate` when no thread can be started.
 */
export function threadedDeflate(): { deflate: Deflate; onThread: boolean; stop(): void } {
  let helper: { worker: Worker; port: MessagePort; done: Int32Array } | null;
  try {
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, done },
      transferList: [port2],
    });
    // Never keeps the process alive; ended with the process.
    worker.unref();
    port1.unref();
    helper = { worker, port: port1, done };
  } catch {
    helper = null;
  }
  if (!helper) return { deflate: nodeDeflate, onThread: false, stop: () => undefined };
  const { worker, port, done } = helper;
  let nextId = 0;
  /** Pieces the thread sent back that their part has not yet taken. */
  const received = new Map<number, Uint8Array>();
  const waitFor = (id: number): Uint8Array => {
    for (;;) {
      const bytes = received.get(id);
      if (bytes) {
        received.delete(id);
        return bytes;
      }
      const seen = Atomics.load(done, 0);
      const message = receiveMessageOnPort(port) as
        { message: { id: number; bytes: Uint8Array } } | undefined;
      if (message) received.set(message.message.id, message.message.bytes);
      else Atomics.wait(done, 0, seen);
    }
  };
  const stream = (): DeflatePiece => {
    const pending: number[] = [];
    return (chunk, final) => {
      if (!final) {
        // The sink reuses its buffer: the thread gets its own copy.
        const copy = chunk.slice();
        const id = nextId++;
        port.postMessage({ id, chunk: copy }, [copy.buffer]);
        pending.push(id);
        return new Uint8Array(0);
      }
      const last = deflatePiece(chunk, true);
      if (pending.length === 0) return last;
      const pieces = pending.splice(0).map(waitFor);
      pieces.push(last);
      let size = 0;
      for (const p of pieces) size += p.length;
      const out = new Uint8Array(size);
      let at = 0;
      for (const p of pieces) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    };
  };
  return {
    deflate: { stream, crc32 },
    onThread: true,
    stop: () => {
      port.close();
      void worker.terminate();
    },
  };
}
