import { Readable } from 'node:stream';
import { readArtifact, type ArtifactReaderDeps } from './read-artifact';
import { singleFlight } from './render-on-demand';

const KEYS = {
  asOf: '2018-02-07',
  chartKeys: { price: 'charts/X/2018-02-07/price.svg' },
  reportKey: 'r.html',
  analysisRunId: 'run-2',
};

/** Objects by key: their text and the analysis run they were drawn for. */
function store(initial: Record<string, { text: string; run?: string }>) {
  const objects = new Map(Object.entries(initial));
  return {
    objects,
    open: (key: string) => {
      const found = objects.get(key);
      return Promise.resolve(found ? { body: Readable.from([found.text]), analysisRunId: found.run } : null);
    },
  };
}

const text = async (body: Readable): Promise<string> => {
  let out = '';
  for await (const chunk of body) out += String(chunk);
  return out;
};

describe('readArtifact', () => {
  it('renders a missing object once, then serves what was stored', async () => {
    const s3 = store({});
    const renderMissing = jest.fn((symbol: string, asOf: string) => {
      s3.objects.set(`charts/${symbol}/${asOf}/price.svg`, { text: '<svg/>', run: 'run-2' });
      return Promise.resolve(true);
    });
    const deps: ArtifactReaderDeps = { latestKeys: () => Promise.resolve(KEYS), open: s3.open, renderMissing };
    const read = await readArtifact(deps, 'X', { chart: 'price' });
    expect(read.found && (await text(read.body))).toBe('<svg/>');
    expect(renderMissing).toHaveBeenCalledWith('X', '2018-02-07');
    await readArtifact(deps, 'X', { chart: 'price' });
    expect(renderMissing).toHaveBeenCalledTimes(1);
  });

  it("draws again what an earlier analysis of the same date left under the keys, and serves this one's", async () => {
    // run-1 analysed X as of the same date; run-2 (on demand) stored its row and rendered nothing yet. An object from
    // before runs were named (no run) is drawn again too.
    for (const earlier of [{ text: '<svg>run-1</svg>', run: 'run-1' }, { text: '<svg>unnamed</svg>' }]) {
      const s3 = store({ [KEYS.chartKeys.price]: earlier });
      const renderMissing = jest.fn(() => {
        s3.objects.set(KEYS.chartKeys.price, { text: '<svg>run-2</svg>', run: 'run-2' });
        return Promise.resolve(true);
      });
      const deps: ArtifactReaderDeps = { latestKeys: () => Promise.resolve(KEYS), open: s3.open, renderMissing };
      const read = await readArtifact(deps, 'X', { chart: 'price' });
      expect(read.found && (await text(read.body))).toBe('<svg>run-2</svg>');
      expect(renderMissing).toHaveBeenCalledTimes(1);
    }
  });

  it('serves an object drawn for an earlier analysis when nothing can draw it again', async () => {
    const s3 = store({ [KEYS.chartKeys.price]: { text: '<svg>run-1</svg>', run: 'run-1' } });
    const read = await readArtifact({ latestKeys: () => Promise.resolve(KEYS), open: s3.open }, 'X', {
      chart: 'price',
    });
    expect(read.found && (await text(read.body))).toBe('<svg>run-1</svg>');
  });

  it('says the object is missing when there is nothing to render it from, or no renderer', async () => {
    const s3 = store({});
    const missing = { found: false, message: 'the tearsheet of X as of 2018-02-07 is missing from storage' };
    const base = { latestKeys: () => Promise.resolve(KEYS), open: s3.open };
    expect(await readArtifact(base, 'X', 'report')).toEqual(missing);
    const none = { ...base, renderMissing: () => Promise.resolve(false) };
    expect(await readArtifact(none, 'X', 'report')).toEqual(missing);
  });
});

describe('singleFlight', () => {
  it('runs one piece of work per key at a time, and again once it has finished', async () => {
    let release: () => void = () => undefined;
    const work = jest.fn((key: string) => new Promise<string>((resolve) => (release = () => resolve(`done ${key}`))));
    const once = singleFlight((key: string) => key, work);
    const both = Promise.all([once('a'), once('a')]);
    expect(work).toHaveBeenCalledTimes(1);
    release();
    expect(await both).toEqual(['done a', 'done a']);
    const again = once('a');
    expect(work).toHaveBeenCalledTimes(2);
    release();
    await again;
  });

  it('forgets a failed attempt, so the next request tries again', async () => {
    const work = jest.fn().mockRejectedValueOnce(new Error('S3 down')).mockResolvedValueOnce('ok');
    const once = singleFlight((key: string) => key, work as (key: string) => Promise<string>);
    await expect(once('a')).rejects.toThrow('S3 down');
    expect(await once('a')).toBe('ok');
  });
});
