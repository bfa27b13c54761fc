// The record signatures of the zip format (APPNOTE 4.3), shared by the writer
// (archive.ts) and the reader (zip-read.ts).
export const LOCAL_HEADER = 0x04034b50
export const CENTRAL_HEADER = 0x02014b50
export const END_OF_CENTRAL_DIRECTORY = 0x06054b50
