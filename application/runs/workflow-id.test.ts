import {
  canonicalJson,
  derivedPricesWorkflowId,
  derivedWorkflowId,
  idempotentPricesWorkflowId,
  idempotentWorkflowId,
} from './workflow-id';

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });
});

describe('derivedPricesWorkflowId', () => {
  it('is prices- and 20 hex chars of the sha256 of the canonical request, independent of key order', () => {
    const id = derivedPricesWorkflowId({ source: 'stooq', symbols: ['AAPL'], batchSize: 50 });
    expect(id).toBe(derivedPricesWorkflowId({ batchSize: 50, symbols: ['AAPL'], source: 'stooq' }));
    // sha256('{"batchSize":50,"source":"stooq","symbols":["AAPL"]}'), computed independently with sha256sum.
    expect(id).toBe('prices-79a0fbaad49053dd340c');
    expect(id).not.toBe(derivedPricesWorkflowId({ source: 'stooq', symbols: ['AAPL'], batchSize: 51 }));
  });
});

describe('idempotent and derived ids per kind', () => {
  it('prefixes the run kind, so the same key or request of two kinds never collide', () => {
    expect(idempotentWorkflowId('fundamentals', 'k1')).toBe('fundamentals-key-k1');
    expect(idempotentPricesWorkflowId('k1')).toBe('prices-key-k1');
    expect(derivedWorkflowId('analysis', { a: 1 }).slice(0, 9)).toBe('analysis-');
    expect(derivedWorkflowId('analysis', { a: 1 }).slice(-20)).toBe(derivedWorkflowId('prices', { a: 1 }).slice(-20));
  });
});
