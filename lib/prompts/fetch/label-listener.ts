import pg from "pg";

/** The channel every label move and canary change notifies, with the project id as payload. */
export const PROMPT_LABELS_CHANNEL = "pharos_prompt_labels";

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

export type ListenerEvents = {
  /** A label or canary of this project changed (delivered after the change committed). */
  onNotify: (projectId: string) => void;
  /** The connection was lost or re-established: notifications may have been missed in between. */
  onEpoch: () => void;
};

/**
 * One dedicated Postgres connection LISTENing on PROMPT_LABELS_CHANNEL. When it drops
 * (Postgres restarted, backend terminated, network gone — TCP keepalive finds the silent
 * cases) it reconnects with exponential backoff and full jitter, and bumps `epoch` on every
 * loss and every (re)connect, so the cache knows which entries a notification would have
 * reached. `listening` is true only between a successful LISTEN and the next loss.
 */
export class LabelListener {
  listening = false;
  epoch = 0;
  private client: pg.Client | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly connectionString: string,
    private readonly events: ListenerEvents,
  ) {}

  /** The Postgres backend pid of the LISTEN connection while it holds (tests terminate it). */
  get backendPid(): number | undefined {
    return this.listening ? (this.client as unknown as { processID?: number } | undefined)?.processID : undefined;
  }

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.lost();
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true, application_name: "pharos-prompt-labels" });
    this.client = client;
    let failed = false;
    const fail = () => {
      if (failed || this.client !== client) return;
      failed = true;
      this.lost();
      client.end().catch(() => undefined);
      this.retry();
    };
    client.on("error", fail);
    client.on("end", fail);
    client.on("notification", (message) => {
      if (message.channel === PROMPT_LABELS_CHANNEL && message.payload) this.events.onNotify(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PROMPT_LABELS_CHANNEL}`);
      if (failed || this.stopped) return;
      // Never keep a script or test process alive for this connection.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      this.attempt = 0;
      this.listening = true;
      this.epoch++;
      this.events.onEpoch();
    } catch {
      fail();
    }
  }

  private lost(): void {
    if (this.listening) {
      this.listening = false;
      this.epoch++;
      this.events.onEpoch();
    }
  }

  private retry(): void {
    if (this.stopped) return;
    const cap = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt++);
    this.timer = setTimeout(() => void this.connect(), Math.random() * cap);
    this.timer.unref?.();
  }
}
