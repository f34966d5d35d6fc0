import type Redis from 'ioredis';
import { parseVersionMessage, versionsChannel } from './versions';

export interface VersionWatchOptions {
  /**
   * How long a version learnt is trusted without news. Bumps are announced, so news normally comes at once; this
   * bounds what a lost announcement costs, and a Redis that lost its data and counts from 0 again.
   */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * The versions of cache entries, kept in memory and moved on by the announcements of `bumpVersions`, so a cached read
 * does not ask Redis for the version first. Trusted only while subscribed: announcements missed while disconnected
 * are lost, so everything learnt is forgotten when the subscription drops.
 */
export class VersionWatch {
  private readonly versions = new Map<string, { version: number; at: number }>();
  private subscribed = false;
  private readonly awaitingSubscription: (() => void)[] = [];
  private readonly now: () => number;

  constructor(
    private readonly subscriber: Redis,
    private readonly options: VersionWatchOptions,
  ) {
    this.now = options.now ?? Date.now;
    const channel = versionsChannel(subscriber);
    subscriber.on('message', (from: string, message: string) => {
      if (from !== channel) return;
      for (const [key, version] of parseVersionMessage(message)) this.learn(key, version);
    });
    const forget = () => {
      this.subscribed = false;
      this.versions.clear();
    };
    subscriber.on('close', forget);
    // Redis down is the cache's business, reported by the main client; here it only means "not subscribed".
    subscriber.on('error', forget);
    subscriber.on('ready', () => {
      // ioredis subscribes again on its own after a reconnect; this says when it has.
      subscriber.subscribe(channel).then(
        () => {
          this.subscribed = true;
          for (const resolve of this.awaitingSubscription.splice(0)) resolve();
        },
        () => forget(),
      );
    });
    if (subscriber.status === 'wait') subscriber.connect().catch(() => undefined);
    else if (subscriber.status === 'ready') subscriber.emit('ready');
  }

  /** The version of `key` as last announced or read, when it can be trusted; else undefined (ask Redis). */
  known(key: string): number | undefined {
    if (!this.subscribed) return undefined;
    const known = this.versions.get(key);
    if (!known) return undefined;
    if (this.now() - known.at > this.options.maxAgeMs) {
      this.versions.delete(key);
      return undefined;
    }
    return known.version;
  }

  /**
   * Versions only move on, so the larger of what is known and what is heard wins: a read answered before a bump but
   * heard after its announcement cannot take the entry back.
   */
  learn(key: string, version: number): void {
    if (!this.subscribed) return;
    const known = this.versions.get(key);
    if (known && known.version > version && this.now() - known.at <= this.options.maxAgeMs) return;
    this.versions.set(key, { version, at: this.now() });
  }

  /**
   * Resolves once every announcement published before this call has been heard: Redis answers a connection's
   * commands in order, after what it already wrote to it. For a bump made in this process and read at once (tests).
   */
  async sync(): Promise<void> {
    if (this.subscribed) await this.subscriber.ping();
  }

  /** Resolves once subscribed: from then on, what is read or announced is remembered (a test's first read). */
  subscription(): Promise<void> {
    if (this.subscribed) return Promise.resolve();
    return new Promise((resolve) => this.awaitingSubscription.push(resolve));
  }

  close(): void {
    this.subscriber.disconnect();
  }
}
