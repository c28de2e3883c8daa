import { ApiError, csrfToken } from "./api";

/** How much of an upload has gone, and how fast. */
export interface UploadProgress {
  sent: number;
  total: number;
  bytesPerSecond: number;
}

/** Pieces of this size: a dropped connection costs at most one piece. */
const PIECE = 16 * 1024 * 1024;
const RETRIES = 5;

/** One piece, with its own progress (fetch cannot tell how much of a body has gone; XHR can). */
function putPiece(
  path: string,
  body: Blob,
  offset: number,
  onSent: (loaded: number) => void,
): Promise<{ size: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ path, ...(offset ? { offset: String(offset) } : {}) });
    xhr.open("PUT", `/api/v1/files/content?${query}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    const token = csrfToken();
    if (token) xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.upload.onprogress = (e) => onSent(e.loaded);
    xhr.onload = () => {
      try {
        const answer = JSON.parse(xhr.responseText) as {
          size?: number;
          error?: { code: string; message: string; details?: Record<string, unknown> };
        };
        if (xhr.status < 300) return resolve({ size: answer.size ?? offset + body.size });
        reject(
          new ApiError(
            xhr.status,
            answer.error?.code ?? "unknown",
            answer.error?.message ?? xhr.statusText,
            answer.error?.details,
          ),
        );
      } catch {
        reject(new ApiError(xhr.status, "unknown", xhr.statusText));
      }
    };
    // the connection broke: not the server's refusal, and worth another try
    xhr.onerror = () => reject(new Error("the connection to the center broke"));
    xhr.send(body);
  });
}

/** Where the file on the center ends now (0 when there is none yet). */
async function sizeThere(path: string): Promise<number> {
  const r = await fetch(`/api/v1/files/stat?${new URLSearchParams({ path })}`);
  if (r.status === 404) return 0;
  if (!r.ok) throw new Error(r.statusText);
  return ((await r.json()) as { size: number }).size;
}

/**
 * A file sent in pieces, each appended where the file on the center ends: when the connection
 * drops, it goes on from there (asking the center where that is), so a large upload never
 * starts over. Memory stays flat: each piece is a slice of the file, read as it is sent.
 */
export async function resumableUpload(
  path: string,
  file: File,
  onProgress: (p: UploadProgress) => void,
): Promise<void> {
  const started = performance.now();
  const report = (sent: number) =>
    onProgress({
      sent,
      total: file.size,
      bytesPerSecond: sent / Math.max((performance.now() - started) / 1000, 0.001),
    });
  let offset = 0;
  let failures = 0;
  do {
    const piece = file.slice(offset, Math.min(offset + PIECE, file.size));
    try {
      offset = (await putPiece(path, piece, offset, (n) => report(offset + n))).size;
      failures = 0;
      report(offset);
    } catch (e) {
      if (e instanceof ApiError && e.code === "upload_offset" && typeof e.details.size === "number")
        offset = e.details.size;
      else if (!(e instanceof ApiError) && ++failures <= RETRIES)
        // before the first piece is confirmed, what is there may be an older file: start over
        offset = offset === 0 ? 0 : await sizeThere(path);
      else throw e;
    }
  } while (offset < file.size);
}
