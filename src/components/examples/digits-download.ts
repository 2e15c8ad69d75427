/**
 * The digit classifier's data: /data/digits.bin from this site (never a CDN), downloaded once per
 * page with the fraction received reported, and a typed failure the island turns into a message
 * with Retry.
 */
import { decodeDigitsFile, type DigitData } from '../../lib/examples/digits.ts';

export const FILE_NAME = 'digits.bin';

/** The digits file could not be downloaded: the server answered `status`, or (no status) the connection failed. */
export class DownloadError extends Error {
  constructor(readonly status?: number) {
    super(status ? `${FILE_NAME}: HTTP ${status}` : `${FILE_NAME}: network error`);
  }
}

/** The response body as one array, reporting the fraction received when the size is known. */
async function readAll(response: Response, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new DownloadError();
    });
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (total) onProgress(received / total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

let dataPromise: Promise<DigitData> | undefined;

/** Downloads /data/digits.bin (once per page; again after a failure) and decodes it. */
export function loadDigits(onProgress: (fraction: number) => void): Promise<DigitData> {
  dataPromise ??= (async () => {
    const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
    const response = await fetch(new URL(`${base}data/${FILE_NAME}`, location.origin)).catch(() => {
      throw new DownloadError();
    });
    if (!response.ok || !response.body) throw new DownloadError(response.status);
    return decodeDigitsFile(await readAll(response, onProgress));
  })();
  dataPromise.catch(() => (dataPromise = undefined));
  return dataPromise;
}
