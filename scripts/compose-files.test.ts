import { interpolate, mergeCompose } from './compose-files';

describe('interpolate', () => {
  const env = { SET: 'v', EMPTY: '' };
  it('follows the Compose rules for defaults, required values and $$', () => {
    expect(interpolate('${SET} ${UNSET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} $$HOME', env)).toBe('v d d  d $HOME');
    expect(interpolate('${SET:?need it}', env)).toBe('v');
    expect(() => interpolate('a: ${EMPTY:?set EMPTY}', env, 'prod.yaml')).toThrow(
      'prod.yaml: required variable EMPTY is missing: set EMPTY',
    );
    expect(interpolate('${EMPTY?x}', env)).toBe('');
  });
});

describe('mergeCompose', () => {
  it('merges maps deeply, appends ports and volumes, replaces other lists', () => {
    const base = { s: { ports: ['1:1'], command: ['a'], environment: { A: '1', B: '2' } } };
    const over = { s: { ports: ['2:2'], command: ['b'], environment: { B: '3' } } };
    expect(mergeCompose(base, over)).toEqual({
      s: { ports: ['1:1', '2:2'], command: ['b'], environment: { A: '1', B: '3' } },
    });
  });
});
