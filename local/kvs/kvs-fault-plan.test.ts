import { describe, expect, it } from 'vitest';
import { createFaultPicker } from './kvs-fault-plan';

describe('createFaultPicker', () => {
  it('given no plan, then it never faults', () => {
    const pick = createFaultPicker(undefined);
    expect(Array.from({ length: 100 }, pick).every((fault) => fault === undefined)).toBe(true);
  });

  it('given the same seed, then the same sequence; a different seed gives a different one', () => {
    const run = (seed: number) => Array.from({ length: 100 }, createFaultPicker({ rateLimitShare: 0.2, serverErrorShare: 0.2, seed }));
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('given shares of 20% and 10%, then about that many faults of each kind over 10,000 calls', () => {
    const pick = createFaultPicker({ rateLimitShare: 0.2, serverErrorShare: 0.1, seed: 9 });
    const faults = Array.from({ length: 10_000 }, pick);
    const rateLimited = faults.filter((fault) => fault?.kind === 'rate-limit').length;
    const serverErrors = faults.filter((fault) => fault?.kind === 'server-error').length;
    expect(rateLimited).toBeGreaterThan(1_850);
    expect(rateLimited).toBeLessThan(2_150);
    expect(serverErrors).toBeGreaterThan(900);
    expect(serverErrors).toBeLessThan(1_100);
  });
});
