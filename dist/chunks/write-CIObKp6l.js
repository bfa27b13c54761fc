import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';
import { i as isInside } from './workspace-fs-DBwuGUFX.js';
import { E as END_OF_CENTRAL_DIRECTORY, g as LOCAL_HEADER, C as CENTRAL_HEADER } from './pipeline-DIPvzHFK.js';
import './core-D1rfoYfl.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import './read-DmC-2hCo.js';
import 'node:child_process';
import 'node:os';
import 'node:stream/promises';
import './command-DninvAs8.js';
import 'node:stream';
import 'node:string_decoder';
import './cancel-Cw6omMz6.js';
import './lock-CSQ57us7.js';

// Zips a folder (the HTML report): files read on the main thread, deflated in
// libuv's thread pool (small ones inline), up to 64 files / 64 MiB in flight,
// entries written in a fixed sorted order in 1 MiB blocks, so both cores stay
// busy (archiver, what @actions/artifact uses, handles one entry at a time; the
// figures are in bench/RESULTS.md). Symlinks that
// lead out of the folder are never followed. No ZIP64: a file of 2 GiB or more
// is left out with a skipped line (Node reads at most 2 GiB at once, and the
// format's 32-bit sizes end at 4 GiB), and on any error the output is removed,
// so no partial or broken zip is ever left behind to be uploaded.
const deflateRaw = promisify(zlib.deflateRaw);
const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        t[n] = c >>> 0;
    }
    return t;
})();
/** For Node releases before zlib.crc32 (20.15). */
function crc32(data) {
    let c = 0xffffffff;
    for (let i = 0; i < data.length; i++)
        c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
/** The files to zip, in sorted order. Directories are read with their entry types, so only symlinks cost a stat. */
function collect(srcDir, realRoot, skipped) {
    const entries = [];
    const walk = (dir, prefix) => {
        const dirents = fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
        for (const dirent of dirents) {
            const abs = path.join(dir, dirent.name);
            const rel = prefix + dirent.name;
            if (dirent.isDirectory())
                walk(abs, rel + '/');
            else if (dirent.isFile())
                entries.push({ name: rel, abs });
            else if (dirent.isSymbolicLink()) {
                let real;
                try {
                    real = fs.realpathSync(abs);
                }
                catch {
                    skipped.push({ path: rel, reason: 'broken symlink' });
                    continue;
                }
                if (!isInside(real, realRoot))
                    skipped.push({ path: rel, reason: 'symlink pointing outside the folder' });
                else {
                    const target = fs.statSync(real);
                    if (target.isDirectory())
                        skipped.push({ path: rel, reason: 'symlink to a folder (not followed)' });
                    else if (target.isFile())
                        entries.push({ name: rel, abs: real });
                    else
                        skipped.push({ path: rel, reason: 'not a regular file' });
                }
            }
            else
                skipped.push({ path: rel, reason: 'not a regular file' });
        }
    };
    walk(srcDir, '');
    return entries;
}
function dosDateTime(d) {
    const year = Math.max(1980, d.getFullYear());
    return {
        time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
        date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()
    };
}
/**
 * Deflate runs on both cores: files from 32 KiB go to libuv's thread pool, the
 * rest are deflated on the main thread, which also reads, checks and writes
 * (measured: sending smaller files to the pool, or holding files back when it
 * is busy, balanced no better). Tiny files never go to the pool (the round
 * trip costs more).
 */
const POOL_MIN = 32 << 10;
/** Main-thread work between two turns of the event loop (so finished pool jobs are collected and new ones started). */
const TURN_BYTES = 1 << 20;
/** Files from this size are left out (one read of Node's is at most 2 GiB - 1 bytes; ZIP64 would be needed from 4 GiB). */
const MAX_ENTRY_BYTES = 2 ** 31 - 1;
const gib = (bytes) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
/** Not following a symlink that replaced a listed file since the folder was read. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);
/** The whole file and its modification time, from one open descriptor; its size alone when it is too large to zip. */
function readEntry(entry) {
    const fd = fs.openSync(entry.abs, OPEN_FLAGS);
    try {
        const stat = fs.fstatSync(fd);
        if (stat.size >= MAX_ENTRY_BYTES)
            return { tooLarge: stat.size };
        const raw = Buffer.allocUnsafe(stat.size);
        let got = 0;
        while (got < raw.length) {
            const n = fs.readSync(fd, raw, got, raw.length - got, null);
            if (n === 0)
                break;
            got += n;
        }
        return { raw: got < raw.length ? raw.subarray(0, got) : raw, mtime: stat.mtime };
    }
    finally {
        fs.closeSync(fd);
    }
}
class Deflater {
    level;
    mainBytes = 0;
    constructor(level) {
        this.level = level;
    }
    /** Reads the file (from the page cache, faster than four pool round trips) and deflates it; stored when that does not help. */
    prepare(entry) {
        const read = readEntry(entry);
        if ('tooLarge' in read) {
            return {
                size: 0,
                ready: null,
                done: null,
                skip: { path: entry.name, reason: `${gib(read.tooLarge)}; files from 2 GiB are not zipped (no ZIP64)` }
            };
        }
        const { raw, mtime } = read;
        const crc = zlib.crc32 ? zlib.crc32(raw) >>> 0 : crc32(raw);
        const size = raw.length;
        const stored = () => ({ entry, mtime, data: raw, method: 0, crc, size });
        const packed = (data) => (data.length < size ? { entry, mtime, data, method: 8, crc, size } : stored());
        if (this.level === 0 || size === 0)
            return { size, ready: stored(), done: null };
        if (size >= POOL_MIN) {
            const slot = { size, ready: null, done: null };
            slot.done = deflateRaw(raw, { level: this.level }).then((data) => {
                slot.ready = packed(data);
            }, (error) => {
                slot.error = error;
            });
            return slot;
        }
        this.mainBytes += size;
        return { size, ready: packed(zlib.deflateRawSync(raw, { level: this.level })), done: null };
    }
}
/** The local file header and the central directory header of one entry (the name follows each). */
function headers(item, name, offset) {
    const { time, date } = dosDateTime(item.mtime);
    // Fields both records share, in the same order: version needed, flags, method, time, date, crc, sizes, name length.
    const common = Buffer.alloc(24);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(item.method, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(item.crc, 10);
    common.writeUInt32LE(item.data.length, 14);
    common.writeUInt32LE(item.size, 18);
    common.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    common.copy(local, 4); // extra field length (28) stays 0
    const centralHeader = Buffer.alloc(46);
    centralHeader.writeUInt32LE(CENTRAL_HEADER, 0);
    centralHeader.writeUInt16LE(0x0314, 4); // made by Unix, version 2.0
    common.copy(centralHeader, 6); // extra, comment, disk, internal attributes stay 0
    centralHeader.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    centralHeader.writeUInt32LE(offset, 42);
    return { local, centralHeader };
}
async function zipDirectory(srcDir, destZip, opts) {
    try {
        return await writeZip(srcDir, destZip, opts);
    }
    catch (error) {
        // Never leave a partial (or an older) zip where an upload would pick it up.
        fs.rmSync(destZip, { force: true });
        throw error;
    }
}
async function writeZip(srcDir, destZip, opts) {
    const realSrc = fs.realpathSync(srcDir);
    if (opts.root && !isInside(realSrc, fs.realpathSync(opts.root))) {
        throw new Error(`${srcDir} is not inside the workspace ${opts.root}`);
    }
    const skipped = [];
    const entries = collect(srcDir, realSrc, skipped);
    if (entries.length > 0xffff)
        throw new Error(`${srcDir} holds ${entries.length} files; more than 65,535 needs ZIP64, which is not supported`);
    const out = fs.openSync(destZip, 'w');
    // Output is gathered and written in ~1 MiB blocks.
    let pending = [];
    let pendingBytes = 0;
    const write = (buf) => {
        pending.push(buf);
        pendingBytes += buf.length;
        if (pendingBytes >= 1 << 20)
            flush();
    };
    const flush = () => {
        if (pendingBytes > 0)
            fs.writeSync(out, pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
    };
    const central = [];
    let offset = 0;
    let bytesIn = 0;
    const inFlight = [];
    let next = 0;
    // Files read ahead of the one being written, bounded in count and bytes.
    let queuedBytes = 0;
    const deflater = new Deflater(opts.level);
    const canLaunch = () => inFlight.length < 64 && queuedBytes < 64 << 20 && next < entries.length;
    const launch = () => {
        deflater.mainBytes = 0;
        while (canLaunch() && deflater.mainBytes < TURN_BYTES) {
            const slot = deflater.prepare(entries[next++]);
            queuedBytes += slot.size;
            inFlight.push(slot);
        }
    };
    const settled = (slot) => slot !== undefined && (slot.ready !== null || slot.error !== undefined || slot.skip !== undefined);
    let written = 0;
    try {
        for (;;) {
            launch();
            for (let slot = inFlight[0]; settled(slot); slot = inFlight[0]) {
                inFlight.shift();
                if (slot.error !== undefined)
                    throw slot.error;
                if (slot.skip !== undefined) {
                    skipped.push(slot.skip);
                    continue;
                }
                const item = slot.ready;
                queuedBytes -= item.size;
                if (offset + item.data.length > 0xffffffff)
                    throw new Error(`${srcDir} zips to more than 4 GiB; ZIP64 is not supported`);
                const name = Buffer.from(item.entry.name, 'utf8');
                const { local, centralHeader } = headers(item, name, offset);
                central.push(centralHeader, name);
                write(local);
                write(name);
                write(item.data);
                offset += local.length + name.length + item.data.length;
                bytesIn += item.size;
                written++;
            }
            if (inFlight.length === 0 && next >= entries.length)
                break;
            // More to read and deflate here: let the event loop collect finished pool jobs, then go on.
            // Otherwise wait for the pool job at the head.
            if (canLaunch())
                await new Promise((resolve) => setImmediate(resolve));
            else
                await inFlight[0].done;
        }
        const centralBuf = Buffer.concat(central);
        const end = Buffer.alloc(22);
        end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
        end.writeUInt16LE(written, 8);
        end.writeUInt16LE(written, 10);
        end.writeUInt32LE(centralBuf.length, 12);
        end.writeUInt32LE(offset, 16);
        write(centralBuf);
        write(end);
        flush();
        fs.closeSync(out);
        return { files: written, bytesIn, bytesOut: offset + centralBuf.length + 22, skipped };
    }
    catch (error) {
        fs.closeSync(out);
        await Promise.allSettled(inFlight.flatMap((slot) => (slot.done ? [slot.done] : [])));
        throw error;
    }
}

export { MAX_ENTRY_BYTES, zipDirectory };
