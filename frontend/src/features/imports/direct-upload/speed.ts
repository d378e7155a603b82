/**
 * Upload speed over a sliding window: bytes sent in the last `windowMs` divided by the time
 * they took, so a stall shows at once and a burst does not inflate the figure for long.
 */
export class SpeedMeter {
  private samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly windowMs = 5000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records that `bytes` have been sent in total so far (since the upload started or resumed), and returns the speed. */
  sample(bytes: number): number | null {
    const at = this.now();
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[1].at >= this.windowMs) this.samples.shift();
    return this.speed();
  }

  /** Bytes per second over the window, or null until there is a span to measure. */
  speed(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || last.at - first.at <= 0) return null;
    return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
  }
}
