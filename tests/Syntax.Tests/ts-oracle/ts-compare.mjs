// Runs TypeScript's own transpiler and our erased output side by side.
// Usage: node ts-compare.mjs <dir>   where <dir> holds NAME.ts and NAME.ours.js pairs.
// For each pair: writes NAME.tsc.mjs (ts.transpileModule, target ES2022, module ESNext) and
// NAME.ours.mjs, runs both with node and compares stdout+exit code. Prints a JSON summary.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const ts = require("typescript");

const dir = process.argv[2];
const results = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
  const base = file.slice(0, -3);
  const source = fs.readFileSync(path.join(dir, file), "utf8");
  const tsc = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, useDefineForClassFields: true },
    fileName: file,
  }).outputText;
  const ours = fs.readFileSync(path.join(dir, base + ".ours.js"), "utf8");
  const tscFile = path.join(dir, base + ".tsc.mjs");
  const oursFile = path.join(dir, base + ".ours.mjs");
  fs.writeFileSync(tscFile, tsc);
  fs.writeFileSync(oursFile, ours);
  const run = (f) => spawnSync(process.execPath, [f], { encoding: "utf8", timeout: 20000 });
  const a = run(tscFile), b = run(oursFile);
  const same = a.stdout === b.stdout && a.status === b.status;
  const lines = source.split(/\r\n|\r|\n/).length === ours.split(/\r\n|\r|\n/).length;
  results.push({ file, same, linesPreserved: lines, tscExit: a.status, oursExit: b.status,
    tscOut: same ? undefined : a.stdout + a.stderr, oursOut: same ? undefined : b.stdout + b.stderr });
}
console.log(JSON.stringify(results, null, 1));
