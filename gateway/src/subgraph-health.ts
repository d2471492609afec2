import { classifyFault } from "./fetcher";

/** One subgraph as operators see it on /ready/subgraphs. */
export interface SubgraphState {
  name: string;
  state: "up" | "down";
  /** When the state above was measured (ISO 8601). */
  checkedAt: string;
  /** Why it is down: "unreachable", "timed out", "not ready (HTTP 503)". Never an address. */
  reason?: string;
  /** The last failed call a client's request made to it, if any since the gateway started. */
  lastFailure?: { code: string; reason: string; at: string };
}

/**
 * What the gateway knows of its subgraphs: each one's own /ready probed on
 * demand (coalesced, and reused for `maxAgeMs` so the endpoint cannot be
 * used to multiply load on the subgraphs), plus the last failure seen in
 * live traffic.
 */
export class SubgraphHealth {
  private readonly failures = new Map<string, NonNullable<SubgraphState["lastFailure"]>>();
  private last?: { at: number; states: SubgraphState[] };
  private pending?: Promise<SubgraphState[]>;

  constructor(
    private readonly urls: Record<string, string>,
    private readonly probeTimeoutMs: number,
    private readonly maxAgeMs = 1_000,
  ) {}

  /** Notes a failed call from live traffic; a cached probe that still says up is dropped. */
  recordFailure(name: string, code: string, reason: string) {
    this.failures.set(name, { code, reason, at: new Date().toISOString() });
    if (this.last?.states.some((s) => s.name === name && s.state === "up")) this.last = undefined;
  }

  /** Notes an answered call from live traffic; a cached probe that still says down is dropped. */
  recordAnswer(name: string) {
    if (this.last?.states.some((s) => s.name === name && s.state === "down")) this.last = undefined;
  }

  /** Every subgraph's state, probing them unless a probe finished within `maxAgeMs`. */
  async check(): Promise<SubgraphState[]> {
    if (this.last && Date.now() - this.last.at < this.maxAgeMs) return this.withFailures(this.last.states);
    this.pending ??= Promise.all(Object.entries(this.urls).map(([name, url]) => this.probe(name, url))).finally(() => (this.pending = undefined));
    const states = await this.pending;
    this.last = { at: Date.now(), states };
    return this.withFailures(states);
  }

  private withFailures(states: SubgraphState[]): SubgraphState[] {
    return states.map((s) => (this.failures.has(s.name) ? { ...s, lastFailure: this.failures.get(s.name) } : s));
  }

  private async probe(name: string, graphqlUrl: string): Promise<SubgraphState> {
    const checkedAt = () => new Date().toISOString();
    try {
      const res = await fetch(new URL("ready", graphqlUrl.replace(/\/graphql$/, "/")), { signal: AbortSignal.timeout(this.probeTimeoutMs) });
      await res.body?.cancel();
      return res.ok ? { name, state: "up", checkedAt: checkedAt() } : { name, state: "down", checkedAt: checkedAt(), reason: `not ready (HTTP ${res.status})` };
    } catch (error) {
      return { name, state: "down", checkedAt: checkedAt(), reason: classifyFault(error)?.reason ?? "probe failed" };
    }
  }
}
