/** Shared output types. */
/** Every output format a job can write, in the order the API documents them. */
export const OUTPUT_FORMATS = ['json', 'csv', 'xlsx', 'xml', 'fhir'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputFile {
  name: string;
  path: string;
  bytes: number;
  contentType: string;
}
