import { describe, expect, it } from 'vitest';
import { inTurn } from './components/chart';

describe('inTurn', () => {
  it('draws one chart per task, in the order asked, and a failing draw does not stop the next', async () => {
    const drawn: string[] = [];
    const price = inTurn(() => drawn.push('price'));
    const broken = inTurn(() => {
      throw new Error('no canvas');
    });
    const momentum = inTurn(() => drawn.push('momentum'));
    // Nothing is drawn in the task that asked: the page renders first.
    expect(drawn).toEqual([]);
    await price;
    expect(drawn).toEqual(['price']);
    await expect(broken).rejects.toThrow('no canvas');
    await momentum;
    expect(drawn).toEqual(['price', 'momentum']);
  });

  it('gives the main thread back between two draws', async () => {
    const order: string[] = [];
    const first = inTurn(() => order.push('first draw'));
    const second = inTurn(() => order.push('second draw'));
    await first;
    // What the page does right after the first chart (a click on a preset) runs before the next chart is drawn.
    order.push('a click handled in between');
    await second;
    expect(order).toEqual(['first draw', 'a click handled in between', 'second draw']);
  });
});
