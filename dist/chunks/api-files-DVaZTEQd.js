import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { p as parseUnifiedDiff } from './pipeline-DIPvzHFK.js';
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
import './workspace-fs-DBwuGUFX.js';
import 'node:fs';
import 'node:path';
import './read-DmC-2hCo.js';
import 'node:zlib';
import 'node:child_process';
import 'node:util';
import 'node:os';
import 'node:stream/promises';
import './command-DninvAs8.js';
import 'node:stream';
import 'node:string_decoder';
import './cancel-Cw6omMz6.js';
import './lock-CSQ57us7.js';

const PER_PAGE = 100;
const MAX_PAGES = 30;
async function changedLinesFromApi(api, repository, pull) {
    const changed = new Map();
    let withoutPatch = 0;
    for await (const files of api.pages(`/repos/${repository}/pulls/${pull}/files?per_page=${PER_PAGE}&page=1`, MAX_PAGES)) {
        for (const file of files) {
            if (file?.status === 'removed')
                continue;
            if (typeof file?.filename !== 'string' || typeof file.patch !== 'string') {
                withoutPatch++;
                continue;
            }
            const lines = parseUnifiedDiff(`+++ b/${file.filename}\n${file.patch}`).get(file.filename);
            if (lines)
                changed.set(file.filename, lines);
        }
    }
    return { changed, withoutPatch };
}

export { changedLinesFromApi };
