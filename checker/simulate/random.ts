// Random: the seeded generator behind `rmc simulate`, so a seed names one set of walks on every
// machine and Node version (Math.random cannot be seeded). mulberry32: 32 bits of state, one
// multiply-xorshift round per draw, statistically good enough to pick among successors; the seed
// goes through one splitmix32 round first, so seeds 0, 1, 2... start far apart.

export class Random {
  private state: number;

  constructor(seed: number) {
    let z = (Math.trunc(seed) + 0x9e3779b9) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    this.state = (z ^ (z >>> 16)) >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform integer in [0, n), n >= 1, without modulo bias (rejects the uneven top range). */
  below(n: number): number {
    if (n <= 1) return 0;
    const limit = 2 ** 32 - (2 ** 32 % n);
    let x = this.next();
    while (x >= limit) x = this.next();
    return x % n;
  }
}
