/**
 * The three exports of the IOCs view as files: CSV and JSON (export.ts) and a STIX 2.1 bundle
 * (lib/formats/stix-export.ts), named alike by time and count.
 */
import { exportStixBundle, stixExportFileName } from '../formats/stix-export';
import type { Ioc } from '../s1/schemas';
import { exportFileName, iocsToCsv, iocsToJson } from './export';

export const EXPORT_KINDS = ['csv', 'json', 'stix'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportFile {
  fileName: string;
  text: string;
  /** The media type of the download. */
  type: string;
}

/**
 * `iocs` as a file of `kind`. `tenants`, across profiles: each IOC's tenant label, a column of the
 * CSV and a field of the JSON; STIX has no place for it (its indicators say what, not whose).
 */
export function exportFile(
  kind: ExportKind,
  iocs: readonly Ioc[],
  now: Date,
  tenants?: readonly string[],
): ExportFile {
  switch (kind) {
    case 'csv':
      return {
        fileName: exportFileName('csv', now, iocs.length),
        text: iocsToCsv(iocs, tenants),
        type: 'text/csv',
      };
    case 'json':
      return {
        fileName: exportFileName('json', now, iocs.length),
        text: iocsToJson(iocs, tenants),
        type: 'application/json',
      };
    case 'stix':
      // Compact, not pretty-printed: a bundle of 100,000 IOCs is for tools, and indenting it
      // doubles its size and the time to write it.
      return {
        fileName: stixExportFileName(now, iocs.length),
        text: JSON.stringify(exportStixBundle(iocs, { now })),
        type: 'application/json',
      };
  }
}
