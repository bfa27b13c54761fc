import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';
import { k as isInside } from './inputs-DfgfUpNs.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';

// Zips a folder (the HTML report) with deflate running in libuv's thread pool,
// several files in flight, entries written in a fixed sorted order. archiver
// (what @actions/artifact uses) handles one entry at a time and measured ~3x
// slower than `zip -r -6`; this writer keeps both cores busy. Symlinks that
// lead out of the folder are never followed.
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
function crc32(data) {
    const native = zlib.crc32;
    if (native)
        return native(data) >>> 0;
    let c = 0xffffffff;
    for (let i = 0; i < data.length; i++)
        c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function collect(srcDir, realRoot, skipped) {
    const entries = [];
    const seen = new Set();
    const walk = (dir) => {
        const names = fs.readdirSync(dir).sort();
        for (const name of names) {
            const abs = path.join(dir, name);
            const rel = path.relative(srcDir, abs).split(path.sep).join('/');
            let stat = fs.lstatSync(abs);
            if (stat.isSymbolicLink()) {
                let real;
                try {
                    real = fs.realpathSync(abs);
                }
                catch {
                    skipped.push({ path: rel, reason: 'broken symlink' });
                    continue;
                }
                if (!isInside(real, realRoot)) {
                    skipped.push({ path: rel, reason: 'symlink pointing outside the folder' });
                    continue;
                }
                stat = fs.statSync(real);
                if (stat.isDirectory()) {
                    skipped.push({ path: rel, reason: 'symlink to a folder (not followed)' });
                    continue;
                }
            }
            if (stat.isDirectory()) {
                const real = fs.realpathSync(abs);
                if (seen.has(real))
                    continue;
                seen.add(real);
                walk(abs);
            }
            else if (stat.isFile())
                entries.push({ name: rel, abs, mtime: stat.mtime });
            else
                skipped.push({ path: rel, reason: 'not a regular file' });
        }
    };
    walk(srcDir);
    return entries;
}
function dosDateTime(d) {
    const year = Math.max(1980, d.getFullYear());
    return {
        time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
        date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()
    };
}
async function prepare(entry, level) {
    const raw = await fs.promises.readFile(entry.abs);
    const crc = crc32(raw);
    if (level > 0 && raw.length > 0) {
        const packed = await deflateRaw(raw, { level });
        if (packed.length < raw.length)
            return { entry, data: packed, method: 8, crc, size: raw.length };
    }
    return { entry, data: raw, method: 0, crc, size: raw.length };
}
async function zipDirectory(srcDir, destZip, opts) {
    const realSrc = fs.realpathSync(srcDir);
    if (opts.root && !isInside(realSrc, fs.realpathSync(opts.root))) {
        throw new Error(`${srcDir} is not inside the workspace ${opts.root}`);
    }
    const skipped = [];
    const entries = collect(srcDir, realSrc, skipped);
    if (entries.length > 0xffff)
        throw new Error(`${srcDir} holds ${entries.length} files; more than 65,535 needs ZIP64, which is not supported`);
    const out = fs.createWriteStream(destZip);
    const write = (buf) => new Promise((resolve, reject) => {
        out.write(buf, (error) => (error ? reject(error) : resolve()));
    });
    const central = [];
    let offset = 0;
    let bytesIn = 0;
    const inFlight = [];
    const ahead = 32;
    let next = 0;
    const launch = () => {
        while (inFlight.length < ahead && next < entries.length)
            inFlight.push(prepare(entries[next++], opts.level));
    };
    try {
        launch();
        while (inFlight.length > 0) {
            const item = await inFlight.shift();
            launch();
            const name = Buffer.from(item.entry.name, 'utf8');
            const { time, date } = dosDateTime(item.entry.mtime);
            if (offset + item.data.length > 0xffffffff)
                throw new Error(`${srcDir} zips to more than 4 GiB; ZIP64 is not supported`);
            const local = Buffer.alloc(30);
            local.writeUInt32LE(0x04034b50, 0);
            local.writeUInt16LE(20, 4);
            local.writeUInt16LE(0x0800, 6); // UTF-8 names
            local.writeUInt16LE(item.method, 8);
            local.writeUInt16LE(time, 10);
            local.writeUInt16LE(date, 12);
            local.writeUInt32LE(item.crc, 14);
            local.writeUInt32LE(item.data.length, 18);
            local.writeUInt32LE(item.size, 22);
            local.writeUInt16LE(name.length, 26);
            local.writeUInt16LE(0, 28);
            const header = Buffer.alloc(46);
            header.writeUInt32LE(0x02014b50, 0);
            header.writeUInt16LE(0x0314, 4); // made by Unix, version 2.0
            header.writeUInt16LE(20, 6);
            header.writeUInt16LE(0x0800, 8);
            header.writeUInt16LE(item.method, 10);
            header.writeUInt16LE(time, 12);
            header.writeUInt16LE(date, 14);
            header.writeUInt32LE(item.crc, 16);
            header.writeUInt32LE(item.data.length, 20);
            header.writeUInt32LE(item.size, 24);
            header.writeUInt16LE(name.length, 28);
            header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
            header.writeUInt32LE(offset, 42);
            central.push(header, name);
            await write(Buffer.concat([local, name]));
            await write(item.data);
            offset += 30 + name.length + item.data.length;
            bytesIn += item.size;
        }
        const centralBuf = Buffer.concat(central);
        const end = Buffer.alloc(22);
        end.writeUInt32LE(0x06054b50, 0);
        end.writeUInt16LE(entries.length, 8);
        end.writeUInt16LE(entries.length, 10);
        end.writeUInt32LE(centralBuf.length, 12);
        end.writeUInt32LE(offset, 16);
        await write(centralBuf);
        await write(end);
        await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
        return { files: entries.length, bytesIn, bytesOut: offset + centralBuf.length + 22, skipped };
    }
    catch (error) {
        out.destroy();
        await Promise.allSettled(inFlight);
        throw error;
    }
}

export { zipDirectory };
