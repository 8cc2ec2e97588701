/** A file produced by the core (PDF, CSV); the front door saves it where the user chooses. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}
