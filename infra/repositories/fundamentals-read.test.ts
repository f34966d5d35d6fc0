import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { cikOfSymbol } from './fundamentals-read';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  // BRK.B and BF.B as a price file spells them; SEC's tickers file linked BRK-B (and AAPL) to their CIKs.
  await database.pool.query(`
    INSERT INTO securities (symbol, name, cik) VALUES
      ('AAPL', 'Apple Inc.', 320193),
      ('BRK.B', NULL, NULL),
      ('BRK-B', 'BERKSHIRE HATHAWAY INC', 1067983),
      ('HEI-A', 'HEICO CORP', 46619),
      ('BF.B', NULL, NULL),
      ('AAPL.US', NULL, NULL)`);
});
afterAll(() => database.drop());

describe('cikOfSymbol', () => {
  it('reads the CIK a fundamentals run linked to the symbol', async () => {
    expect(await cikOfSymbol(database.pool, 'AAPL')).toBe(320193);
    expect(await cikOfSymbol(database.pool, 'BRK-B')).toBe(1067983);
  });

  it("takes the CIK of the share class's other spelling", async () => {
    expect(await cikOfSymbol(database.pool, 'BRK.B')).toBe(1067983);
    // No security of its own yet, but its other spelling is linked: its fundamentals are found all the same.
    expect(await cikOfSymbol(database.pool, 'HEI.A')).toBe(46619);
  });

  it('is null for a security nobody linked, and undefined for an unknown symbol', async () => {
    expect(await cikOfSymbol(database.pool, 'BF.B')).toBeNull();
    expect(await cikOfSymbol(database.pool, 'AAPL.US')).toBeNull();
    expect(await cikOfSymbol(database.pool, 'MSFT')).toBeUndefined();
    expect(await cikOfSymbol(database.pool, 'BF-B')).toBeUndefined();
  });
});
