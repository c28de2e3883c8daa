/**
 * What a backend tells the services about one job, in order (its start is written before
 * its end), while different jobs' reports go on side by side.
 */
export class HookChains {
  private readonly chains = new Map<number, Promise<void>>();

  /** Runs `fn` after the job's earlier reports; a failure is handed to `failed` and the chain goes on. */
  run(id: number, fn: () => Promise<void>, failed: (e: Error) => void): Promise<void> {
    const next = (this.chains.get(id) ?? Promise.resolve()).then(fn).catch(failed);
    this.chains.set(id, next);
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
    return next;
  }

  /** Until every report started so far has been written. */
  async settled(): Promise<void> {
    await Promise.all(this.chains.values());
  }
}
