/** An export written by a worker (export-worker.ts) and downloaded like the others. */
import { downloadBlob } from '../page/download';
import type { ExportAnswer, ExportRequest } from './export-worker';
// Vite's worker import: the worker is bundled as a file of its own, and this is its constructor.
import ExportWorker from './export-worker?worker';

/** Resolves once the file is handed to the browser's download; rejects with the worker's error. */
export function runExport(request: ExportRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    // One worker per export: exports are rare, and a finished worker frees the IOCs it was sent.
    const worker = new ExportWorker();
    worker.onmessage = (event: MessageEvent<ExportAnswer>) => {
      worker.terminate();
      downloadBlob(event.data.fileName, event.data.blob);
      resolve();
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The export failed.'));
    };
    worker.postMessage(request);
  });
}
