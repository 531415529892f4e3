/**
 * A clock for the whole process that the bench moves on: `Date` (hence the app's clock, the
 * emulator's and the KVS's) answers the simulated instant, so a day of use can run in minutes
 * while every time window the app keeps (permission cache, incremental-read overlap, lease,
 * stale snapshot) sees the hours pass between changes. Timers (`setTimeout`) and
 * `performance.now()` stay real, so latencies are still real time.
 */
const RealDate = Date;

export interface SimulatedClock {
  /** Moves the clock on by `ms`, on top of the real time passing. */
  advance(ms: number): void;
  now(): Date;
}

export function installSimulatedClock(start: Date): SimulatedClock {
  let offset = start.getTime() - RealDate.now();
  const nowMs = () => RealDate.now() + offset;
  // Why a function: `new Date()` must answer the simulated instant, `new Date(x)` stay as it was,
  // and instances keep Date's prototype so `instanceof Date` and every method still hold.
  function SimulatedDate(this: unknown, ...args: unknown[]): unknown {
    // `Date()` called without `new` answers a string; TypeScript types `new.target` as never undefined.
    const target: unknown = new.target;
    if (target === undefined) return new RealDate(nowMs()).toString();
    return args.length === 0 ? new RealDate(nowMs()) : Reflect.construct(RealDate, args, new.target);
  }
  SimulatedDate.prototype = RealDate.prototype;
  const simulated = Object.assign(SimulatedDate, { now: nowMs, parse: RealDate.parse, UTC: RealDate.UTC });
  globalThis.Date = simulated as unknown as DateConstructor;
  return {
    advance(ms) {
      offset += ms;
    },
    now: () => new RealDate(nowMs()),
  };
}
