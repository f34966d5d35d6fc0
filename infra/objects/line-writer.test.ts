import { createHash } from 'node:crypto';
import { memoryObjectStore } from '../../test/support/memory-object-store';
import { ObjectLineWriter } from './line-writer';

const cancelled = () => new Error('activity cancelled');

describe('ObjectLineWriter', () => {
  it('stores the lines as one object and returns its sha256 and size', async () => {
    const s3 = memoryObjectStore();
    const writer = new ObjectLineWriter(s3, 'staged/a.csv', { signal: new AbortController().signal });

    await writer.write('a,1\n');
    await writer.write('b,2\n');
    const ref = await writer.finish();

    expect(s3.objects.get('staged/a.csv')?.toString('utf8')).toBe('a,1\nb,2\n');
    expect(ref).toEqual({
      key: 'staged/a.csv',
      sha256: createHash('sha256').update('a,1\nb,2\n').digest('hex'),
      bytes: 8,
    });
  });

  it('destroys the upload mid-object when its signal aborts: nothing is stored, and it rejects with the reason', async () => {
    const s3 = memoryObjectStore();
    const controller = new AbortController();
    const writer = new ObjectLineWriter(s3, 'staged/b.csv', { signal: controller.signal });
    // Past one chunk, so the upload has started and holds the stream.
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 300; i++) await writer.write(line);
    expect(writer.destroyed).toBe(false);

    const reason = cancelled();
    controller.abort(reason);

    expect(writer.destroyed).toBe(true);
    await expect(writer.write(line)).rejects.toBe(reason);
    await expect(writer.finish()).rejects.toBe(reason);
    expect(s3.objects.has('staged/b.csv')).toBe(false);
    expect(s3.puts).toEqual([]);
  });
});
