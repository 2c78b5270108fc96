// Where uploaded files live: bytes outside the database (which keeps their metadata), behind one small
// interface so an object store can take the disk's place. A write streams: it never holds a file in
// memory, and stops (leaving nothing behind) as soon as the stream passes its byte limit.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  /** the first bytes, enough to recognise the type */
  head: Buffer;
}

export interface FileStore {
  /** Stores the stream; throws FileTooLargeError (and keeps nothing) once it passes `maxBytes`. */
  write(stream: Readable, maxBytes: number): Promise<StoredFile>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 4100; // what file-type reads to recognise a format

/** Files on disk under `dir`, two hex characters of fan-out so no folder grows huge. */
export function diskFileStore(dir: string): FileStore {
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`not a file key: ${key}`);
    return join(dir, key.slice(0, 2), key);
  };
  return {
    async write(stream, maxBytes) {
      const key = randomUUID();
      const path = pathOf(key);
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let size = 0;
      let headSize = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
          hash.update(chunk);
          if (headSize < HEAD_BYTES) {
            head.push(chunk.subarray(0, HEAD_BYTES - headSize));
            headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(stream, meter, createWriteStream(path, { flags: 'wx' }));
      } catch (err) {
        await rm(path, { force: true });
        throw err;
      }
      return { key, size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
    },
    read: (key) => createReadStream(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
