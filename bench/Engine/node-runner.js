// Runs one workload on node the way the managed harness does: evaluate the file as a classic script, then
// call run() twice per line read from stdin and time the second call (and the promise it returns) with
// performance.now and process.cpuUsage (user + system). The harness sends a line right after each managed
// run, so both engines' runs alternate and see the same machine; the untimed first call warms node's caches
// again after the managed run (a node run is often under a millisecond, so a cold cache would weigh on it
// far more than on the managed run). Prints "wall ms|cpu ms|checksum" per line.
'use strict';
const fs = require('fs');
const vm = require('vm');
const readline = require('readline');
const [file] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
const run = globalThis.run;
const lines = readline.createInterface({ input: process.stdin });
(async () => {
  for await (const _ of lines) {
    const warm = run();
    if (warm && typeof warm.then === 'function') await warm;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let r = run();
    if (r && typeof r.then === 'function') r = await r;
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    console.log((t1 - t0).toFixed(3) + '|' + ((c1.user + c1.system) / 1000).toFixed(3) + '|' + String(r));
  }
})();
