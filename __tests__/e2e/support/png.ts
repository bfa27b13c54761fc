// Just enough PNG decoding to look at a screenshot's pixels: 8-bit RGB or
// RGBA, not interlaced (what Chromium writes), IDAT inflated and unfiltered.
import { inflateSync } from 'node:zlib'

export interface Pixels {
  width: number
  height: number
  /** Bytes per pixel (3 or 4). */
  channels: number
  data: Buffer
}

export function decodePng(png: Buffer): Pixels {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG')
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const body = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const depth = body[8]
      const colour = body[9]
      if (depth !== 8 || (colour !== 2 && colour !== 6) || body[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`)
      channels = colour === 6 ? 4 : 3
    } else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') break
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const data = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const out = y * stride
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (data[out + x - channels] as number) : 0
      const b = y > 0 ? (data[out - stride + x] as number) : 0
      const c = x >= channels && y > 0 ? (data[out - stride + x - channels] as number) : 0
      const v = line[x] as number
      let predicted = 0
      if (filter === 1) predicted = a
      else if (filter === 2) predicted = b
      else if (filter === 3) predicted = (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      data[out + x] = (v + predicted) & 0xff
    }
  }
  return { width, height, channels, data }
}

/** How many pixels have exactly this colour ('#rrggbb'). */
export function countColour(pixels: Pixels, hex: string): number {
  const r = parseInt(hex.slice(1, 3), 16)
  const g = parseInt(hex.slice(3, 5), 16)
  const b = parseInt(hex.slice(5, 7), 16)
  let n = 0
  for (let i = 0; i < pixels.data.length; i += pixels.channels) {
    if (pixels.data[i] === r && pixels.data[i + 1] === g && pixels.data[i + 2] === b) n++
  }
  return n
}

/** Distinct colours (capped at `cap`). */
export function distinctColours(pixels: Pixels, cap = 1000): number {
  const seen = new Set<number>()
  for (let i = 0; i < pixels.data.length && seen.size < cap; i += pixels.channels) {
    seen.add(((pixels.data[i] as number) << 16) | ((pixels.data[i + 1] as number) << 8) | (pixels.data[i + 2] as number))
  }
  return seen.size
}
