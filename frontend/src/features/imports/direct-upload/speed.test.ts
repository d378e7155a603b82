import { describe, expect, it } from 'vitest';
import { SpeedMeter } from './speed';

describe('SpeedMeter', () => {
  it('measures bytes per second over the last window only', () => {
    let clock = 0;
    const meter = new SpeedMeter(5000, () => clock);

    expect(meter.sample(0)).toBeNull(); // one sample: no span yet
    clock = 1000;
    expect(meter.sample(1000)).toBe(1000);
    clock = 2000;
    expect(meter.sample(3000)).toBe(1500);
    // a stall: nothing more sent for 10 s, and the old fast samples leave the window
    clock = 7000;
    meter.sample(3000);
    clock = 12_000;
    expect(meter.sample(3000)).toBe(0);
  });

  it('never reports a negative speed when a failed part takes its bytes back', () => {
    let clock = 0;
    const meter = new SpeedMeter(5000, () => clock);
    meter.sample(500);
    clock = 1000;
    expect(meter.sample(100)).toBe(0);
  });
});
