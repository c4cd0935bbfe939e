/**
 * Output writers: turn a patient stream into job files (JSON, CSV, XML, XLSX, FHIR R4), optionally
 * gzip-compressed and AES-256-GCM encrypted, and zip them for download; index plain patients for
 * random access. May import the generator's types and node's fs/stream/zlib/crypto plus
 * csv-stringify, exceljs and yazl; no HTTP or DB.
 */
export { DecryptionError, decryptBuffer, decryptFile, HEADER_BYTES } from './crypto.js';
export { CSV_COLUMNS, csvRow } from './csv.js';
export { deterministicUuid, patientEntries } from './fhir.js';
export {
  type ByteRangeReader,
  MAX_RECORDS_PER_READ,
  type PatientPage,
  readIndexedPatients,
  readStoredPatients,
} from './patient-index.js';
export { type StreamedChunk, streamedJsonChunks } from './streamed-json.js';
export { type OutputFile, type OutputFormat, OUTPUT_FORMATS } from './types.js';
export { type WriteJobOptions, writeJobOutputs } from './write-job-outputs.js';
export { escapeXml } from './xml.js';
export { type ArchivedFile, type ArchiveWriter, ZIP_TEXT_LEVEL, ZipArchive } from './zip.js';
