// Compares DualEngine's ESTree JSON with acorn's tree for the same sources.
// Usage: node acorn-compare.mjs <manifest.json>
// manifest: [{ "source": "<path>", "module": bool, "ours": "<path to our json>" }]
// Prints one JSON line per mismatch: { source, path, ours, acorn }, then a summary line.
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const acorn = require("acorn");

const manifest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let compared = 0, mismatched = 0, acornFailed = 0;

function compare(ours, theirs, path) {
  if (ours === null || typeof ours !== "object") {
    if (typeof theirs === "bigint") theirs = theirs.toString();
    if (ours === null && (theirs === Infinity || theirs === undefined)) return null;
    return Object.is(ours, theirs) || ours === theirs ? null : { path, ours, acorn: theirs };
  }
  if (Array.isArray(ours)) {
    if (!Array.isArray(theirs) || theirs.length !== ours.length)
      return { path, ours: `array[${ours.length}]`, acorn: Array.isArray(theirs) ? `array[${theirs.length}]` : String(theirs) };
    for (let i = 0; i < ours.length; i++) {
      const d = compare(ours[i], theirs[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (theirs === null || typeof theirs !== "object") return { path, ours: ours.type ?? "object", acorn: theirs };
  for (const key of Object.keys(ours)) {
    if (key === "value" && ("regex" in ours || "bigint" in ours)) continue;
    const d = compare(ours[key], theirs[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

for (const job of manifest) {
  const src = fs.readFileSync(job.source, "utf8");
  let tree;
  try {
    tree = acorn.parse(src, { ecmaVersion: "latest", sourceType: job.module ? "module" : "script", allowHashBang: true });
  } catch {
    acornFailed++;
    continue;
  }
  const ours = JSON.parse(fs.readFileSync(job.ours, "utf8"));
  compared++;
  const d = compare(ours, tree, "Program");
  if (d) {
    mismatched++;
    console.log(JSON.stringify({ source: job.source, ...d }));
  }
}
console.log(JSON.stringify({ summary: true, compared, mismatched, acornFailed }));
