// Runs one workload on node the way the managed harness does: evaluate the file as a classic script,
// then call run() warm-up + N times, timing each call (and the promise it returns) with performance.now.
// Prints "wall ms,...|cpu ms,...|checksum" on one line (cpu = process.cpuUsage, user + system).
'use strict';
const fs = require('fs');
const vm = require('vm');
const [file, warmupArg, runsArg] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
const run = globalThis.run;
(async () => {
  const times = [];
  const cpuTimes = [];
  let checksum;
  const total = Number(warmupArg) + Number(runsArg);
  for (let i = 0; i < total; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let r = run();
    if (r && typeof r.then === 'function') r = await r;
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    if (i >= Number(warmupArg)) {
      times.push(t1 - t0);
      cpuTimes.push((c1.user + c1.system) / 1000);
    }
    const c = String(r);
    if (checksum !== undefined && c !== checksum) throw new Error('checksum changed between runs: ' + checksum + ' vs ' + c);
    checksum = c;
  }
  const fmt = xs => xs.map(t => t.toFixed(3)).join(',');
  console.log(fmt(times) + '|' + fmt(cpuTimes) + '|' + checksum);
})();
