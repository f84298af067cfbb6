// for await over async generators and sync iterables of promises.
async function* countdown(n) {
  while (n > 0) {
    await new Promise((r) => setTimeout(r, 1));
    yield n--;
  }
}
const seen = [];
for await (const v of countdown(3)) seen.push(v);
console.log("countdown", seen.join(","));
for await (const v of [Promise.resolve("p1"), "plain", Promise.resolve("p2")]) console.log("item", v);
const gen = countdown(5);
console.log(JSON.stringify(await gen.next()), JSON.stringify(await gen.return("stop")), JSON.stringify(await gen.next()));
