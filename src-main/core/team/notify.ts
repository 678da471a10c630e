import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { dataTopics, type DataTopic } from '../../contract';
import type { Db, PostgresSettings } from '../db/connection';

/** The PostgreSQL channel every Klankbord workstation of a team listens on. */
export const CHANGES_CHANNEL = 'klankbord_changes';

const message = z.object({ origin: z.string().max(100), topics: z.array(z.enum(dataTopics)).max(dataTopics.length * 2) });

export interface TeamNotifier {
  /** This host's id in every message, so it does not refresh twice on its own writes. */
  readonly origin: string;
  /** Tells the other workstations what this one just changed. Never throws. */
  publish(topics: readonly DataTopic[]): Promise<void>;
  /** Whether the listening connection is up (for tests and the status line). */
  listening(): boolean;
  close(): Promise<void>;
}

export interface NotifierOptions {
  settings: PostgresSettings;
  /** The core's database, for sending: NOTIFY is delivered when its transaction commits. */
  db: Db;
  /** Changes made on another workstation; after a dropped connection: every topic (what was missed is unknown). */
  onRemote(topics: DataTopic[]): void;
  log?: (message: string, error: unknown) => void;
  /** Reconnect delays grow from `minDelayMs` to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Changes made elsewhere appear without a restart: after a write the host sends
 * `NOTIFY klankbord_changes` with the touched topics, and listens on a connection of its own
 * (LISTEN needs one that is not shared with the pool). When that connection drops (server
 * restart, network), it reconnects with growing pauses and then refreshes every screen once.
 */
export function startTeamNotifier(options: NotifierOptions): TeamNotifier {
  const origin = randomUUID();
  const log = options.log ?? console.error;
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  let client: pg.Client | null = null;
  let up = false;
  let closed = false;
  let delay = minDelay;
  let timer: NodeJS.Timeout | null = null;
  let everConnected = false;

  function receive(notification: pg.Notification): void {
    if (notification.channel !== CHANGES_CHANNEL || !notification.payload) return;
    let parsed: z.infer<typeof message>;
    try {
      parsed = message.parse(JSON.parse(notification.payload));
    } catch {
      return;
    }
    if (parsed.origin === origin || parsed.topics.length === 0) return;
    options.onRemote([...new Set(parsed.topics)]);
  }

  function scheduleReconnect(): void {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    delay = Math.min(maxDelay, delay * 2);
  }

  function dropped(current: pg.Client): void {
    if (client !== current) return;
    client = null;
    up = false;
    current.removeAllListeners('notification');
    void current.end().catch(() => undefined);
    scheduleReconnect();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ ...options.settings, connectionTimeoutMillis: 10_000, application_name: 'klankbord-luisteraar' });
    client = next;
    next.on('error', () => dropped(next));
    next.on('end', () => dropped(next));
    next.on('notification', receive);
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      if (!everConnected && delay === minDelay) log('Teammodus: luisteren naar wijzigingen van andere werkplekken lukt nog niet', error);
      dropped(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    up = true;
    delay = minDelay;
    // What happened while nobody listened is unknown: every screen refreshes once.
    if (everConnected) options.onRemote([...dataTopics]);
    everConnected = true;
  }

  void connect();

  return {
    origin,
    async publish(topics) {
      if (closed || topics.length === 0) return;
      const payload = JSON.stringify({ origin, topics: [...new Set(topics)] });
      try {
        await sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`.execute(options.db);
      } catch (error) {
        log('Teammodus: andere werkplekken konden niet over een wijziging worden ingelicht', error);
      }
    },
    listening: () => up,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const current = client;
      client = null;
      up = false;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
