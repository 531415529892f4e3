/**
 * Group commit: items submitted close together are flushed together. A flush starts in the
 * event loop's next check phase (`setImmediate`), after the I/O callbacks already due — the other
 * requests that arrived meanwhile — have queued theirs; items submitted while a flush runs wait
 * for the next one. One caller alone waits one loop turn (microseconds); fifty at once share a
 * few storage calls instead of making fifty.
 *
 * Every item's flush starts after the item was submitted, so a read flushed this way sees every
 * write that finished before its caller asked (nothing older is handed out), and a write is
 * stored before its caller's promise resolves. A flush settles each item on its own; one that
 * throws rejects every item it took.
 *
 * DataLoader-style batching (the items of one tick) does not fit: requests arrive in separate I/O
 * callbacks, and with a storage that answers at once (the local runtime's), a tick never holds two.
 */
export class GroupCommit<I, O> {
  private queued: { item: I; resolve: (value: O) => void; reject: (reason: unknown) => void }[] = [];
  private scheduled = false;
  private flushing = false;

  /** `flush` settles each item, in order (an item rejected fails alone); a flush that throws fails them all. */
  constructor(private readonly flush: (items: readonly I[]) => Promise<readonly PromiseSettledResult<O>[]>) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing || this.queued.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flushQueued();
    });
  }

  private async flushQueued(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    this.flushing = true;
    try {
      const results = await this.flush(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error(`a flush of ${String(batch.length)} answered ${String(results.length)}`);
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result?.status === 'fulfilled') entry.resolve(result.value);
        else entry.reject(result?.reason);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }
}
