import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { p as parseUnifiedDiff } from './pipeline-B5wqsAc0.js';
import './cancel-DERnQ62d.js';
import 'node:path';
import 'node:fs';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'node:child_process';
import 'node:string_decoder';

const PER_PAGE = 100;
const MAX_PAGES = 30;
async function changedLinesFromApi(api, repository, pull) {
    const changed = new Map();
    let withoutPatch = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
        const files = await api.json('GET', `/repos/${repository}/pulls/${pull}/files?per_page=${PER_PAGE}&page=${page}`);
        for (const file of files) {
            if (file.status === 'removed')
                continue;
            if (typeof file.patch !== 'string') {
                withoutPatch++;
                continue;
            }
            const lines = parseUnifiedDiff(`+++ b/${file.filename}\n${file.patch}`).get(file.filename);
            if (lines)
                changed.set(file.filename, lines);
        }
        if (files.length < PER_PAGE)
            break;
    }
    return { changed, withoutPatch };
}

export { changedLinesFromApi };
