import { PassThrough } from 'node:stream';
import { memoryObjectStore } from '../../test/support/memory-object-store';
import { readObject } from './read-object';

describe('readObject', () => {
  it('reads the whole object when nothing aborts', async () => {
    const s3 = memoryObjectStore();
    s3.objects.set('raw/a.csv', Buffer.from('Date,Close\n2024-01-02,1\n'));

    const chunks: Buffer[] = [];
    for await (const chunk of await readObject(s3, 'raw/a.csv', new AbortController().signal))
      chunks.push(chunk as Buffer);

    expect(Buffer.concat(chunks).toString('utf8')).toBe('Date,Close\n2024-01-02,1\n');
  });

  it('destroys a read in progress when its signal aborts, and the reader sees the abort', async () => {
    const s3 = memoryObjectStore();
    // S3 sent the first bytes and then nothing more: only the abort can end this read.
    const body = new PassThrough();
    body.write('Date,Close\n');
    s3.streams.set('raw/slow.csv', () => body);
    const controller = new AbortController();
    const stream = await readObject(s3, 'raw/slow.csv', controller.signal);
    const reading = (async () => {
      for await (const chunk of stream) void chunk;
    })();

    const reason = new Error('activity cancelled');
    controller.abort(reason);

    await expect(reading).rejects.toMatchObject({ name: 'AbortError', cause: reason });
    expect(body.destroyed).toBe(true);
  });

  it('refuses to start a read once the signal has aborted', async () => {
    const s3 = memoryObjectStore();
    s3.objects.set('raw/a.csv', Buffer.from('x'));
    const controller = new AbortController();
    const reason = new Error('activity cancelled');
    controller.abort(reason);

    await expect(readObject(s3, 'raw/a.csv', controller.signal)).rejects.toBe(reason);
  });
});
