// Reads one file out of a zip held in memory (a downloaded artifact): the
// central directory at the end, the entry's local header, then stored or
// deflated data, checked against its size and CRC-32. Pure.
import * as zlib from 'node:zlib'
import { CENTRAL_HEADER as CENTRAL, END_OF_CENTRAL_DIRECTORY as EOCD, LOCAL_HEADER as LOCAL } from './format.js'

export interface ZipEntry {
  name: string
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

/** The zip's entries, from its central directory; throws a one-line Error when it is not a zip. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const min = Math.max(0, zip.length - 22 - 0xffff)
  let end = -1
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i
      break
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory)')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new Error('damaged zip file (central directory)')
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42)
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The content of the entry named `name` (or whose last path part is `name`), or null when there is none. */
export function readZipEntry(zip: Buffer, name: string, maxBytes: number): Buffer | null {
  const entries = zipEntries(zip)
  const entry = entries.find((e) => e.name === name) ?? entries.find((e) => e.name.split('/').pop() === name)
  if (!entry) return null
  if (entry.size > maxBytes) throw new Error(`${entry.name} is ${entry.size} bytes, more than the ${maxBytes} expected`)
  const at = entry.localOffset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new Error(`damaged zip file (local header of ${entry.name})`)
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const raw = zip.subarray(start, start + entry.compressedSize)
  if (raw.length !== entry.compressedSize) throw new Error(`damaged zip file (${entry.name} is cut short)`)
  let data: Buffer
  if (entry.method === 0) data = Buffer.from(raw)
  else if (entry.method === 8) {
    try {
      data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) })
    } catch (error) {
      throw new Error(`damaged zip file (${entry.name}: ${(error as Error).message})`, { cause: error })
    }
  } else throw new Error(`${entry.name} uses zip compression method ${entry.method}, which is not supported`)
  if (data.length !== entry.size || zlib.crc32(data) >>> 0 !== entry.crc)
    throw new Error(`damaged zip file (${entry.name} fails its size or CRC check)`)
  return data
}
