// A latch that embed functions wait on, so tests decide when a service answers.
export class Gate {
  private waiters: Array<() => void> = [];
  private open = false;

  wait(): Promise<void> {
    if (this.open) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  get waiting(): number {
    return this.waiters.length;
  }

  release(): void {
    this.open = true;
    for (const w of this.waiters.splice(0)) w();
  }
}
