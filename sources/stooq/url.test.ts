import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { buildStooqUrl } from './url';

describe('buildStooqUrl', () => {
  it('asks for the lower-cased symbol at daily interval', () => {
    const url = buildStooqUrl('https://stooq.com', { symbol: 'AAPL.US' });

    expect(url.toString()).toBe('https://stooq.com/q/d/l/?s=aapl.us&i=d');
  });

  it('adds d1/d2 as YYYYMMDD when from/to are given', () => {
    const url = buildStooqUrl('https://stooq.com', { symbol: 'MSFT.US', from: '2013-02-11', to: '2013-03-01' });

    expect(url.toString()).toBe('https://stooq.com/q/d/l/?s=msft.us&i=d&d1=20130211&d2=20130301');
  });

  it('sends only the bound that is given', () => {
    expect(buildStooqUrl('https://stooq.com', { symbol: 'X', to: '2020-12-31' }).searchParams.get('d1')).toBe(null);
    expect(buildStooqUrl('https://stooq.com', { symbol: 'X', from: '2020-01-31' }).search).toBe('?s=x&i=d&d1=20200131');
  });

  it('appends the download path to a host and port, and escapes the symbol', () => {
    const url = buildStooqUrl('http://mirror.local:8080', { symbol: '^SPX' });

    expect(url.toString()).toBe('http://mirror.local:8080/q/d/l/?s=%5Espx&i=d');
  });

  it('rejects a malformed date without retry', () => {
    let thrown: unknown;
    try {
      buildStooqUrl('https://stooq.com', { symbol: 'X', from: '2020-1-5' });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({ type: FAILURE_TYPES.invalidInput, nonRetryable: true });
  });
});
