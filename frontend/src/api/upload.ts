// SPDX-License-Identifier: MPL-2.0
import { RefusalError } from './refusal';
import type { Http } from './http';

/** How far an upload has got: what the server acknowledged, how fast, and how long the rest will take. */
export interface UploadProgress {
  acknowledged: number;
  total?: number;
  bytesPerSecond: number;
  secondsLeft?: number;
}

/** The Upload-Offset a refusal names as the next byte expected (SAF-4), if any. */
export function expectedOffset(error: unknown): number | undefined {
  if (!(error instanceof RefusalError)) {
    return undefined;
  }
  for (const issue of error.issues) {
    const match = /next byte expected[^0-9]*(\d+)|Upload-Offset[^0-9]*(\d+)|expected[^0-9]*(\d+)/i.exec(issue.message);
    if (match) {
      return Number(match[1] ?? match[2] ?? match[3]);
    }
  }
  return undefined;
}

/**
 * Sends a recording's content to {@code $binary-access-write} in chunks (Content-Range, Upload-Offset): what the
 * server has acknowledged is never sent again, and after a dropped connection the upload continues where the server
 * says. Bytes are appended as they are captured ({@link append}); {@link finish} sends the rest with the total, which
 * attaches the content to the recording. Only acknowledged bytes are forgotten.
 */
export class ChunkedUpload {
  private readonly pending: Blob[] = [];
  private pendingBytes = 0;
  private acknowledged = 0;
  private sending: Promise<void> = Promise.resolve();
  private startedAt = 0;
  private failure: unknown;
  private aborted = false;
  private readonly controller = new AbortController();

  constructor(
    private readonly http: Http,
    private readonly url: string,
    private readonly contentType: string,
    private readonly onProgress: (progress: UploadProgress) => void = () => {},
    private readonly chunkSize = 1024 * 1024,
    private readonly retries = 5,
    private readonly retryDelayMs = 500,
  ) {}

  /** Bytes the server has acknowledged. */
  get offset(): number {
    return this.acknowledged;
  }

  /** The error that stopped the upload, if it stopped. */
  get error(): unknown {
    return this.failure;
  }

  /**
   * Adds captured bytes and sends whole chunks of what is waiting, keeping the newest bytes back so that the last
   * request always carries content.
   */
  append(blob: Blob) {
    if (blob.size === 0 || this.aborted) {
      return;
    }
    this.pending.push(blob);
    this.pendingBytes += blob.size;
    this.sending = this.sending.then(() => this.flush(false));
  }

  /** Sends everything that is left with the total; resolves when the server has attached the content. */
  async finish(): Promise<void> {
    this.sending = this.sending.then(() => this.flush(true));
    await this.sending;
    if (this.failure) {
      throw this.failure;
    }
  }

  /** Stops at once: nothing more is sent (CON-5: nothing captured after a withdrawal is kept). */
  abort() {
    this.aborted = true;
    this.pending.length = 0;
    this.pendingBytes = 0;
    this.controller.abort();
  }

  /** After a failure: tries again from where the server says it is. */
  async resume(): Promise<void> {
    this.failure = undefined;
    await this.finish();
  }

  private async flush(last: boolean) {
    if (this.failure || this.aborted) {
      return;
    }
    if (!this.startedAt) {
      this.startedAt = Date.now();
    }
    while (this.pendingBytes > 0 && !this.aborted) {
      if (!last && this.pendingBytes <= this.chunkSize) {
        return;
      }
      const size = last ? Math.min(this.pendingBytes, this.chunkSize) : this.chunkSize;
      const isFinal = last && size === this.pendingBytes;
      const chunk = this.take(size);
      try {
        await this.send(chunk, isFinal);
      } catch (e) {
        if ((e as Error)?.name === 'AbortError') {
          return;
        }
        this.failure = e;
        this.pending.unshift(chunk);
        this.pendingBytes += chunk.size;
        return;
      }
    }
  }

  private take(size: number): Blob {
    const whole = new Blob(this.pending, { type: this.contentType });
    this.pending.length = 0;
    const chunk = whole.slice(0, size, this.contentType);
    const rest = whole.slice(size, whole.size, this.contentType);
    if (rest.size > 0) {
      this.pending.push(rest);
    }
    this.pendingBytes = rest.size;
    return chunk;
  }

  private async send(chunk: Blob, isFinal: boolean) {
    let attempt = 0;
    let start = this.acknowledged;
    let body = chunk;
    for (;;) {
      const end = start + body.size - 1;
      const total = isFinal ? String(start + body.size) : '*';
      try {
        const answer = await this.http.request(this.url, {
          method: 'POST',
          body,
          headers: { 'Content-Type': this.contentType, 'Content-Range': `bytes ${start}-${end}/${total}` },
          signal: this.controller.signal,
        });
        const offset = Number(answer.headers.get('Upload-Offset') ?? start + body.size);
        this.acknowledge(Number.isFinite(offset) ? offset : start + body.size, isFinal ? start + body.size : undefined);
        return;
      } catch (e) {
        if ((e as Error)?.name === 'AbortError') {
          throw e;
        }
        const expected = expectedOffset(e);
        if (expected !== undefined && expected > start && expected <= start + body.size) {
          // The server had already taken part or all of this chunk before the connection dropped.
          body = body.slice(expected - start, body.size, this.contentType);
          this.acknowledge(expected, undefined);
          start = expected;
          if (body.size === 0) {
            return;
          }
          continue;
        }
        const retriable = e instanceof RefusalError && (e.status === 0 || e.status >= 500);
        if (!retriable || attempt >= this.retries) {
          throw e;
        }
        attempt += 1;
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempt));
      }
    }
  }

  private acknowledge(offset: number, total: number | undefined) {
    this.acknowledged = offset;
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 0.001);
    const bytesPerSecond = offset / seconds;
    const remaining = total !== undefined ? total - offset : undefined;
    this.onProgress({
      acknowledged: offset,
      total,
      bytesPerSecond,
      secondsLeft: remaining !== undefined && bytesPerSecond > 0 ? remaining / bytesPerSecond : undefined,
    });
  }
}

/**
 * Uploads a whole file (an existing recording, a patient's own copy, PAT-2) in chunks with progress, speed and time
 * left; a failed upload resumes from the server's offset.
 */
export class FileUpload {
  private offset = 0;
  private readonly controller = new AbortController();
  private startedAt = 0;
  private sentThisRun = 0;

  constructor(
    private readonly http: Http,
    private readonly url: string,
    private readonly file: Blob,
    private readonly contentType: string,
    private readonly onProgress: (progress: UploadProgress) => void = () => {},
    private readonly chunkSize = 1024 * 1024,
  ) {}

  get acknowledged(): number {
    return this.offset;
  }

  cancel() {
    this.controller.abort();
  }

  /** Sends from the acknowledged offset to the end; call again after a failure to resume. */
  async run(): Promise<void> {
    this.startedAt = Date.now();
    this.sentThisRun = 0;
    const total = this.file.size;
    while (this.offset < total) {
      const start = this.offset;
      const end = Math.min(start + this.chunkSize, total);
      try {
        const answer = await this.http.request(this.url, {
          method: 'POST',
          body: this.file.slice(start, end, this.contentType),
          headers: { 'Content-Type': this.contentType, 'Content-Range': `bytes ${start}-${end - 1}/${total}` },
          signal: this.controller.signal,
        });
        const offset = Number(answer.headers.get('Upload-Offset') ?? end);
        this.advance(Number.isFinite(offset) && offset > start ? offset : end, total);
      } catch (e) {
        const expected = expectedOffset(e);
        if (expected !== undefined && expected !== start && expected <= total) {
          this.advance(expected, total);
          continue;
        }
        throw e;
      }
    }
  }

  private advance(offset: number, total: number) {
    this.sentThisRun += offset - this.offset;
    this.offset = offset;
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 0.001);
    const bytesPerSecond = this.sentThisRun / seconds;
    this.onProgress({
      acknowledged: offset,
      total,
      bytesPerSecond,
      secondsLeft: bytesPerSecond > 0 ? (total - offset) / bytesPerSecond : undefined,
    });
  }
}
