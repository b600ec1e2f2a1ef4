/**
 * Work a process repeats on a timer (the invalidation feed, the scheduler). Overlapping runs
 * share the run in progress, the timer never keeps an otherwise finished process alive, and
 * `stop()` waits for a run in progress to end.
 */
export class PeriodicTask<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(
    private readonly work: () => Promise<T>,
    private readonly intervalMs: number,
  ) {}

  start(options: { runNow?: boolean } = {}): void {
    if (options.runNow) void this.runOnce();
    this.timer ??= setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  runOnce(): Promise<T> {
    this.running ??= this.work().finally(() => (this.running = undefined));
    return this.running;
  }
}
