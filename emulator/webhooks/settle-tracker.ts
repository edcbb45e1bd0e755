/** Counts work still outstanding (queued events, scheduled retries) and wakes those waiting for none. */
export class SettleTracker {
  private outstanding = 0;
  private waiters: (() => void)[] = [];

  begin(): void {
    this.outstanding++;
  }

  end(): void {
    this.outstanding = Math.max(0, this.outstanding - 1);
    if (this.outstanding === 0) this.release();
  }

  /** Resolves when nothing is outstanding. */
  settled(): Promise<void> {
    if (this.outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Forgets all outstanding work (on close) and releases every waiter. */
  reset(): void {
    this.outstanding = 0;
    this.release();
  }

  private release(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
