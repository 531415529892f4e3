import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

const fulfilled = <T>(value: T): PromiseSettledResult<T> => ({ status: 'fulfilled', value });

/** A flush that records its batches and answers each item doubled, after `gate` opens. */
function recorder() {
  const batches: number[][] = [];
  let open: () => void = () => undefined;
  let gate = Promise.resolve();
  const commit = new GroupCommit<number, number>(async (items) => {
    batches.push([...items]);
    await gate;
    return items.map((n) => fulfilled(n * 2));
  });
  return {
    commit,
    batches,
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release: () => {
      open();
    },
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('flushes one item alone on the next loop turn and answers its result', async () => {
    const { commit, batches } = recorder();
    await expect(commit.submit(21)).resolves.toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it('takes the items submitted before the flush starts in one batch, each with its own result', async () => {
    const { commit, batches } = recorder();
    const results = await Promise.all([1, 2, 3].map((n) => commit.submit(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('never hands an item a flush that began before it was submitted: those wait for the next one', async () => {
    const r = recorder();
    r.hold();
    const first = r.commit.submit(1);
    await turn(); // the flush of [1] has begun and waits
    const late = [r.commit.submit(2), r.commit.submit(3)];
    expect(r.batches).toEqual([[1]]);
    r.release();
    await expect(first).resolves.toBe(2);
    await expect(Promise.all(late)).resolves.toEqual([4, 6]);
    expect(r.batches).toEqual([[1], [2, 3]]);
  });

  it('rejects every item of a failed flush, and flushes the next items as usual', async () => {
    let fail = true;
    const commit = new GroupCommit<number, number>((items) => {
      if (fail) return Promise.reject(new Error('storage down'));
      return Promise.resolve(items.map((n) => fulfilled(n + 1)));
    });
    const failed = [commit.submit(1), commit.submit(2)].map((p) =>
      p.then(
        () => 'ok',
        (error: unknown) => (error as Error).message,
      ),
    );
    await expect(Promise.all(failed)).resolves.toEqual(['storage down', 'storage down']);
    fail = false;
    await expect(commit.submit(5)).resolves.toBe(6);
  });

  it('rejects only the items a flush says failed', async () => {
    const commit = new GroupCommit<number, number>((items) =>
      Promise.resolve(
        items.map((n): PromiseSettledResult<number> =>
          n < 0 ? { status: 'rejected', reason: new Error(`no ${String(n)}`) } : fulfilled(n),
        ),
      ),
    );
    const results = await Promise.allSettled([commit.submit(1), commit.submit(-2), commit.submit(3)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'no -2', 3]);
  });

  it('rejects a batch whose flush answers the wrong number of results', async () => {
    const commit = new GroupCommit<number, number>(() => Promise.resolve([fulfilled(1)]));
    const both = [commit.submit(1), commit.submit(2)];
    await expect(both[0]).rejects.toThrow(/a flush of 2 answered 1/u);
    await expect(both[1]).rejects.toThrow(/a flush of 2 answered 1/u);
  });
});
