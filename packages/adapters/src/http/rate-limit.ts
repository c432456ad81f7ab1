/**
 * Per-host politeness for the HTTP fetcher: a concurrency cap plus a token bucket per host, and a
 * pause that a 429/503 `Retry-After` (or robots `Crawl-delay`) puts on that host alone.
 * Waiting callers queue in FIFO order and can leave the queue through their AbortSignal. A wake-up
 * timer runs only while someone is queued and is not `unref`'d: an awaited request holds the process.
 * @module
 */

/** Limits applied to each host independently. */
export interface HostLimits {
  /** Requests in flight at once per host. */
  concurrency: number;
  /** Token refill rate per host; `Infinity` disables the bucket. */
  requestsPerSecond: number;
  /** Bucket size: requests that may start back to back after an idle period. */
  burst: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

class HostGate {
  active = 0;
  tokens: number;
  refilledAt = performance.now();
  pausedUntil = 0;
  lastUsed = performance.now();
  rate: number;
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly limits: HostLimits) {
    this.tokens = limits.burst;
    this.rate = limits.requestsPerSecond;
  }

  get idle(): boolean {
    return this.active === 0 && this.queue.length === 0 && performance.now() >= this.pausedUntil;
  }

  acquire(signal: AbortSignal | undefined): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(signal?.reason);
          this.pump();
        },
      };
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  pause(untilMs: number): void {
    if (untilMs > this.pausedUntil) this.pausedUntil = untilMs;
    this.pump();
  }

  /** Stop timers and reject everyone still queued, so no caller hangs after the fetcher closes. */
  close(reason: unknown): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.queue.splice(0)) {
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(reason);
    }
  }

  private refill(now: number): void {
    if (!Number.isFinite(this.rate)) {
      this.tokens = this.limits.burst;
    } else {
      this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
    }
    this.refilledAt = now;
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length > 0 && this.active < this.limits.concurrency) {
      const now = performance.now();
      this.refill(now);
      let waitMs = 0;
      if (now < this.pausedUntil) waitMs = this.pausedUntil - now;
      else if (this.tokens < 1) waitMs = ((1 - this.tokens) / this.rate) * 1000;
      if (waitMs > 0) {
        // Not unref'd: this timer exists only while a caller awaits a slot, and that caller's
        // promise must hold the process (a plain script would otherwise exit mid-crawl).
        this.timer = setTimeout(() => this.pump(), Math.ceil(waitMs));
        return;
      }
      const waiter = this.queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.tokens -= 1;
      this.active += 1;
      this.lastUsed = now;
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        this.active -= 1;
        this.lastUsed = performance.now();
        this.pump();
      });
    }
  }
}

/** Gates keyed by host (`hostname:port`). Idle gates are dropped so a long crawl doesn't grow without bound. */
export class HostLimiter {
  private readonly gates = new Map<string, HostGate>();
  private acquisitions = 0;

  constructor(private readonly limits: HostLimits) {}

  private gate(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      gate = new HostGate(this.limits);
      this.gates.set(host, gate);
    }
    return gate;
  }

  /** Wait for a slot on `host`; call the returned function when the request is done. */
  acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    if (++this.acquisitions % 1000 === 0) this.sweep();
    return this.gate(host).acquire(signal);
  }

  /** Hold every request to `host` until `pauseMs` from now (longer pauses win). */
  pause(host: string, pauseMs: number): void {
    this.gate(host).pause(performance.now() + pauseMs);
  }

  /** Lower the request rate of one host (e.g. robots `Crawl-delay`); never raises it. */
  limitRate(host: string, requestsPerSecond: number): void {
    const gate = this.gate(host);
    if (requestsPerSecond < gate.rate) gate.rate = requestsPerSecond;
  }

  /** Requests currently holding a slot on `host` (for tests and metrics). */
  active(host: string): number {
    return this.gates.get(host)?.active ?? 0;
  }

  /** Reject queued requests with `reason` and drop all state. */
  close(reason: unknown): void {
    for (const gate of this.gates.values()) gate.close(reason);
    this.gates.clear();
  }

  private sweep(): void {
    const cutoff = performance.now() - 60_000;
    for (const [host, gate] of this.gates) {
      if (gate.idle && gate.lastUsed < cutoff && gate.rate === this.limits.requestsPerSecond) this.gates.delete(host);
    }
  }
}

/**
 * Milliseconds a `Retry-After` header asks us to wait: delta-seconds or an HTTP date.
 * `undefined` when absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
