import { ChildProcess, fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import {
  BackendSettings,
  CatalogProgress,
  ChildMessage,
  SETTINGS_ENV,
} from './protocol';

/** Resident memory of the child, from the kernel, in MiB. */
export interface ChildMemory {
  /** Resident set size now. */
  rssMiB: number;
  /** Peak resident set size since the start or the last reset. */
  peakMiB: number;
}

/** A port nobody listens on now, for the child's backend. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/**
 * The backend under test in a child process: started, asked over IPC to
 * load its catalog and say how far processing got, measured through
 * /proc, and stopped.
 */
export class ChildBackend {
  private failure?: Error;
  private readonly rewrites: number[] = [];
  private readonly waiting: Array<{
    type: ChildMessage['type'];
    resolve: (message: ChildMessage) => void;
    reject: (error: Error) => void;
  }> = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly token: string,
    readonly logFile: string,
  ) {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'failed') {
        this.fail(new Error(`The backend failed: ${message.message}`));
        return;
      }
      const i = this.waiting.findIndex(w => w.type === message.type);
      if (i >= 0) {
        this.waiting.splice(i, 1)[0].resolve(message);
      }
    });
    child.on('exit', code => {
      this.fail(
        new Error(`The backend exited (code ${code}); see ${this.logFile}`),
      );
    });
  }

  /** Starts the backend and waits until it serves requests. */
  static async start(options: {
    settings: BackendSettings;
    baseUrl: string;
    token: string;
    logFile: string;
  }): Promise<ChildBackend> {
    const { settings, logFile } = options;
    const log = createWriteStream(logFile);
    const child = fork(path.join(__dirname, 'backend.ts'), [], {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      env: {
        ...process.env,
        [SETTINGS_ENV]: JSON.stringify(settings),
        // Info, for the read model's own account of each refresh.
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);

    const backend = new ChildBackend(
      child,
      options.baseUrl,
      options.token,
      logFile,
    );
    backend.watchLog(child);
    try {
      await backend.next('ready');
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return backend;
  }

  /**
   * How long each refresh that rewrote the read model took, in the order
   * they ran, as the plugin's refresher logs it.
   */
  readModelRewrites(): number[] {
    return [...this.rewrites];
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Hands the catalog every entity; resolves when the mutation is in. */
  async load(): Promise<{ mutationMs: number; entities: number }> {
    this.child.send({ type: 'load' });
    const message = await this.next('loaded');
    return message as Extract<ChildMessage, { type: 'loaded' }>;
  }

  /** How far the catalog's processing and stitching got. */
  async progress(): Promise<CatalogProgress> {
    this.child.send({ type: 'progress' });
    const message = await this.next('progress');
    return (message as Extract<ChildMessage, { type: 'progress' }>).progress;
  }

  /** The child's memory now and at its peak, as the kernel counts it. */
  async memory(): Promise<ChildMemory> {
    const status = await fs.readFile(`/proc/${this.pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  }

  /**
   * Resets the kernel's peak resident set size of the child to its
   * current size (Linux), so that a later peak covers only what follows.
   */
  async resetPeakMemory(): Promise<boolean> {
    try {
      await fs.writeFile(`/proc/${this.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  /** Stops the backend, and kills it if it does not stop in time. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = new Promise(resolve => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  private watchLog(child: ChildProcess) {
    let rest = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const match = /Refreshed the read model: .* in (\d+) ms/.exec(line);
        if (match) {
          this.rewrites.push(Number(match[1]));
        }
      }
    });
  }

  private next(type: ChildMessage['type']): Promise<ChildMessage> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ type, resolve, reject });
    });
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) {
      waiter.reject(this.failure);
    }
  }
}
