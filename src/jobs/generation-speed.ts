/**
 * How fast this instance turns out patients, measured on the jobs it completed, for the
 * `estimated_duration` of a new job. Starts from the JSON figure of `npm run bench:generate`
 * (about 15,000 patients/s, README) and follows what this machine really does.
 */
export class GenerationSpeed {
  /** Patient-files per second: one patient written to one format. */
  private perSecond = 15_000;

  /**
   * Records a completed job. Jobs under 100 patients are skipped: their time is the fixed cost of
   * queueing and zipping, not speed, and would make every estimate long.
   */
  record(patients: number, formats: number, seconds: number): void {
    if (patients < 100 || seconds <= 0) return;
    const measured = (patients * formats) / seconds;
    this.perSecond = this.perSecond * 0.7 + measured * 0.3;
  }

  /** Whole seconds a job of `count` patients should take once it runs: at least 1, at most an hour. */
  estimateSeconds(count: number, formats: number, compress: boolean, encrypt: boolean): number {
    const work = count * formats * (compress ? 1.2 : 1) * (encrypt ? 1.3 : 1);
    return Math.min(3600, Math.max(1, Math.ceil(work / this.perSecond)));
  }
}
