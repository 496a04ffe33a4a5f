/**
 * Writes an export off the page's thread: a STIX bundle of 100,000 IOCs takes seconds to build and
 * serialize (measured in Node: 9 s on a loaded 2-core machine, after the bundle-id fix), and the table
 * must stay responsive meanwhile.
 * The file comes back as a Blob, which crosses to the page without copying its text.
 */
import { type ExportKind, exportFile } from '../../lib/iocs/export-file';
import type { Ioc } from '../../lib/s1/schemas';

export interface ExportRequest {
  kind: ExportKind;
  iocs: readonly Ioc[];
  /** Epoch ms of the export (a Date would cross as one too; a number is plainer). */
  now: number;
  tenants?: readonly string[];
}

export interface ExportAnswer {
  fileName: string;
  blob: Blob;
}

self.onmessage = (event: MessageEvent<ExportRequest>) => {
  const { kind, iocs, now, tenants } = event.data;
  const file = exportFile(kind, iocs, new Date(now), tenants);
  const answer: ExportAnswer = { fileName: file.fileName, blob: new Blob([file.text], { type: file.type }) };
  self.postMessage(answer);
};
