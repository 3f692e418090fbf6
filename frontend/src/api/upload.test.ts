// SPDX-License-Identifier: MPL-2.0
// @vitest-environment node
import { Http } from './http';
import { ChunkedUpload, FileUpload, type UploadProgress } from './upload';

/** A server that takes chunks at its offset, answers Upload-Offset, and can drop the connection on chosen calls. */
function server(options: { dropAfterCommit?: number[]; failBeforeCommit?: number[] } = {}) {
  let stored = new Uint8Array(0);
  let calls = 0;
  const ranges: string[] = [];
  const fetcher = async (_url: RequestInfo | URL, init?: RequestInit) => {
    calls += 1;
    const range = (init!.headers as Record<string, string>)['Content-Range'];
    ranges.push(range);
    if (options.failBeforeCommit?.includes(calls)) {
      throw new TypeError('network down');
    }
    const start = Number(/bytes (\d+)-/.exec(range)![1]);
    if (start !== stored.length) {
      return new Response(
        JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', details: { coding: [{ system: 'https://fhir.openmrs.org/patientrecordings/CodeSystem/error-code', code: 'SAF-4' }], text: `This chunk starts at ${start}; the next byte expected is ${stored.length}` } }],
        }),
        { status: 400, headers: { 'Content-Type': 'application/fhir+json' } },
      );
    }
    const bytes = new Uint8Array(await (init!.body as Blob).arrayBuffer());
    const next = new Uint8Array(stored.length + bytes.length);
    next.set(stored);
    next.set(bytes, stored.length);
    stored = next;
    if (options.dropAfterCommit?.includes(calls)) {
      throw new TypeError('connection reset');
    }
    return new Response('{"resourceType":"Media"}', {
      status: 200,
      headers: { 'Content-Type': 'application/fhir+json', 'Upload-Offset': String(stored.length) },
    });
  };
  return { http: new Http(fetcher as typeof fetch), ranges, content: () => stored };
}

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * seed) % 251);

describe('chunked uploads resume where the server says', () => {
  it('streams a recording in chunks with an unknown total until the last one', async () => {
    const s = server();
    const upload = new ChunkedUpload(s.http, '/fhir/Media/m/$binary-access-write', 'video/webm', undefined, 100, 2, 1);
    upload.append(new Blob([bytes(150)]));
    upload.append(new Blob([bytes(120, 3)]));
    await upload.finish();

    expect(s.ranges).toEqual(['bytes 0-99/*', 'bytes 100-199/*', 'bytes 200-269/270']);
    expect(Array.from(s.content())).toEqual([...bytes(150), ...bytes(120, 3)]);
    expect(upload.offset).toBe(270);
  });

  it('does not send again what the server took before the connection dropped', async () => {
    const s = server({ dropAfterCommit: [1] });
    const upload = new ChunkedUpload(s.http, '/u', 'audio/webm', undefined, 100, 3, 1);
    upload.append(new Blob([bytes(250)]));
    await upload.finish();

    expect(s.ranges).toEqual(['bytes 0-99/*', 'bytes 0-99/*', 'bytes 100-199/*', 'bytes 200-249/250']);
    expect(Array.from(s.content())).toEqual(Array.from(bytes(250)));
  });

  it('retries a chunk the server never received', async () => {
    const s = server({ failBeforeCommit: [2] });
    const upload = new ChunkedUpload(s.http, '/u', 'audio/webm', undefined, 100, 3, 1);
    upload.append(new Blob([bytes(150)]));
    await upload.finish();
    expect(Array.from(s.content())).toEqual(Array.from(bytes(150)));
  });

  it('sends nothing more once aborted (CON-5)', async () => {
    const s = server();
    const upload = new ChunkedUpload(s.http, '/u', 'video/webm', undefined, 100, 0, 1);
    upload.append(new Blob([bytes(50)]));
    upload.abort();
    upload.append(new Blob([bytes(500)]));
    await upload.finish().catch(() => undefined);
    expect(s.ranges).toEqual([]);
  });

  it('uploads a file with progress, and resumes it after an interruption', async () => {
    const s = server({ failBeforeCommit: [3] });
    const progress: UploadProgress[] = [];
    const file = new Blob([bytes(350, 7)], { type: 'video/mp4' });
    const upload = new FileUpload(s.http, '/u', file, 'video/mp4', (p) => progress.push(p), 100);

    await expect(upload.run()).rejects.toThrow(/could not be reached/);
    expect(upload.acknowledged).toBe(200);
    await upload.run();

    expect(Array.from(s.content())).toEqual(Array.from(bytes(350, 7)));
    expect(progress.map((p) => p.acknowledged)).toEqual([100, 200, 300, 350]);
    expect(progress.every((p) => p.total === 350 && p.bytesPerSecond > 0)).toBe(true);
    expect(progress[progress.length - 1].secondsLeft).toBe(0);
    expect(s.ranges.slice(-2)).toEqual(['bytes 200-299/350', 'bytes 300-349/350']);
  });
});
