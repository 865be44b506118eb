import type { Logger } from "@/lib/log/logger";
import type { TFence } from "../alarms/engine-options";

/** One term of this node as leader: the epoch it was elected with, and the check each leader-only write runs. */
export interface TLeaderTerm {
  epoch: number;
  fence: TFence;
}

type TTermListener = (term: TLeaderTerm | null) => Promise<void>;

/**
 * Who does the work done once (alarm engine, simulator, closing a dead node's imports). A listener is told the term
 * under way when it registers, then each change, in order and awaited: a term's work is stopped before the next
 * term's starts.
 */
export interface Leadership {
  readonly nodeId: string;
  /** True when nodes take turns (the PostgreSQL lock): a term may begin while the station is running elsewhere. */
  readonly shared: boolean;
  /** The term under way on this node, null while another node leads. */
  current(): TLeaderTerm | null;
  onChange(listener: TTermListener): void;
  /** Gives the leadership up (the lock is released) after the listeners have stopped their work. */
  stop(): Promise<void>;
}

/** The listeners' side both kinds of leadership share: one change at a time, each listener awaited. */
export class TermListeners {
  private readonly listeners: TTermListener[] = [];
  private chain: Promise<void> = Promise.resolve();
  private term: TLeaderTerm | null = null;

  constructor(private readonly log: Logger) {}

  current(): TLeaderTerm | null {
    return this.term;
  }

  add(listener: TTermListener): void {
    this.listeners.push(listener);
    const term = this.term;
    if (term) this.chain = this.chain.then(() => this.tell(listener, term));
  }

  /** Resolves once every listener has taken the change. */
  set(term: TLeaderTerm | null): Promise<void> {
    this.term = term;
    this.chain = this.chain.then(async () => {
      for (const listener of this.listeners) await this.tell(listener, term);
    });
    return this.chain;
  }

  private async tell(listener: TTermListener, term: TLeaderTerm | null): Promise<void> {
    try {
      await listener(term);
    } catch (error) {
      this.log.error(`leadership: a listener failed on ${term ? `term ${term.epoch}` : "the end of a term"}`, error);
    }
  }
}
