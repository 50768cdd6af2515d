import { Writable } from 'node:stream';

/** A Writable that keeps what it receives, optionally slowly and with a tiny buffer. */
export function memoryStream(options: { delayMs?: number; highWaterMark?: number } = {}) {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    decodeStrings: false,
    write(chunk: string | Buffer, _enc, cb) {
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
      chunks.push(String(chunk));
      if (options.delayMs) setTimeout(cb, options.delayMs);
      else cb();
    },
  });
  return {
    stream,
    chunks,
    text: () => chunks.join(''),
    maxBuffered: () => maxBuffered,
  };
}

/** A Writable whose reader has gone away: every write fails with EPIPE, like stdout under `| head`. */
export function brokenPipe() {
  let writes = 0;
  const stream = new Writable({
    write(_chunk, _enc, cb) {
      writes++;
      cb(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write', errno: -32 }));
    },
  });
  return { stream, writes: () => writes };
}
