/** Shared output types. */
export type OutputFormat = 'json' | 'csv' | 'xlsx' | 'xml' | 'fhir';

export interface OutputFile {
  name: string;
  path: string;
  bytes: number;
  contentType: string;
}
