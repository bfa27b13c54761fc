import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { p as parseUnifiedDiff } from './pipeline-Ceb0q4Se.js';
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
import './read-Wgh28OJm.js';
import 'node:path';
import 'node:fs';
import 'node:zlib';
import 'node:child_process';
import 'node:util';
import './cancel-B0fbCH33.js';
import 'node:stream';
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
