/**
 * Min-heap of job terminations keyed by (time, creation sequence): at equal times the
 * termination created first is handled first, as in the reference simulator.
 */
export class TerminationHeap {
  private time = new Float64Array(1024);
  private seq = new Float64Array(1024);
  private job = new Int32Array(1024);
  private n = 0;
  private nextSeq = 0;

  get size(): number {
    return this.n;
  }

  peekTime(): number {
    return this.n > 0 ? this.time[0] : Infinity;
  }

  push(time: number, job: number): void {
    if (this.n === this.time.length) this.grow();
    const s = this.nextSeq++;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(time, s, parent)) {
        this.time[i] = this.time[parent];
        this.seq[i] = this.seq[parent];
        this.job[i] = this.job[parent];
        i = parent;
      } else break;
    }
    this.time[i] = time;
    this.seq[i] = s;
    this.job[i] = job;
  }

  /** Removes the earliest termination and returns its job. */
  pop(): number {
    const top = this.job[0];
    const n = --this.n;
    const t = this.time[n];
    const s = this.seq[n];
    const j = this.job[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.lessAt(c + 1, c)) c++;
      if (this.less(t, s, c)) break;
      this.time[i] = this.time[c];
      this.seq[i] = this.seq[c];
      this.job[i] = this.job[c];
      i = c;
    }
    this.time[i] = t;
    this.seq[i] = s;
    this.job[i] = j;
    return top;
  }

  private less(t: number, s: number, at: number): boolean {
    return t < this.time[at] || (t === this.time[at] && s < this.seq[at]);
  }

  private lessAt(a: number, b: number): boolean {
    return this.less(this.time[a], this.seq[a], b);
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    const s = new Float64Array(cap);
    s.set(this.seq);
    const j = new Int32Array(cap);
    j.set(this.job);
    this.time = t;
    this.seq = s;
    this.job = j;
  }
}
