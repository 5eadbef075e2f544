import type { Connection } from '../plan-service/plan-client';
import { SandboxLauncher } from './sandbox-launcher';

/** A sandbox whose fresh session is refused at once is not restarted in a loop. */
const restartEveryMs = 60_000;

export interface EmbeddedSandboxOptions {
  /** The embedded service's worker bundle. */
  workerPath: string;
  dataDir: string;
  /** Fixes the sandbox data set's day (tests). */
  today?: string;
  /** The service is up (again): follow it. */
  ready(connection: Connection): void;
  /** The service is starting: nothing to follow yet. */
  starting(): void;
  failed(message: string): void;
}

/**
 * The lifecycle of the embedded sandbox plan service: started when the app uses the sandbox, kept
 * running across a fresh store, restarted (at most once a minute) when its session lapses, stopped
 * when the user signs in elsewhere or the core closes.
 */
export class EmbeddedSandbox {
  private launcher: SandboxLauncher | null = null;
  private connection: Connection | null = null;
  private restartedAt = 0;

  constructor(private readonly options: EmbeddedSandboxOptions) {}

  start(): void {
    if (this.launcher !== null) {
      // Already running (a fresh store after app.startFresh): follow it again.
      if (this.connection !== null) this.options.ready(this.connection);
      return;
    }
    this.options.starting();
    const launcher = new SandboxLauncher(
      this.options.workerPath,
      { dataDir: this.options.dataDir, ...(this.options.today === undefined ? {} : { today: this.options.today }) },
      {
        ready: (connection) => {
          if (this.launcher !== launcher) return;
          this.connection = connection;
          this.options.ready(connection);
        },
        failed: (message) => {
          if (this.launcher !== launcher) return;
          this.options.failed(message);
        },
      },
    );
    this.launcher = launcher;
    launcher.start();
  }

  /**
   * The sandbox's session lapsed (the computer slept past its idle timeout): a restarted sandbox
   * signs in afresh; there is no one to ask for a password.
   */
  restartAfterSignOut(): void {
    if (Date.now() - this.restartedAt <= restartEveryMs) return;
    this.restartedAt = Date.now();
    void this.stop().then(() => this.start());
  }

  async stop(): Promise<void> {
    const launcher = this.launcher;
    this.launcher = null;
    this.connection = null;
    await launcher?.stop();
  }
}
