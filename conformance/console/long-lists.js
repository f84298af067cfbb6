// Lines longer than 72 characters break into one entry per line.
console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "dddddddddd", epsilon: 1 });
console.log(["first long string", "second long string", "third long string", "fourth long string"]);
console.log({ short: 1, nested: { alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "dd" } });
