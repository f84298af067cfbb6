// Template literals, String methods, RegExp features (named groups, lookbehind, sticky, matchAll, d flag).
const name = "World";
const tag = (strings, ...values) => strings.raw.join("|") + " / " + values.join(",");
console.log(`Hello, ${name}! ${1 + 1}`, tag`a${1}b\n${2}c`);
console.log("  trim  ".trim() + "|", "abc".padStart(5, "-"), "x".repeat(3), "a-b-c".replaceAll("-", "+"));
const date = /(?<year>\d{4})-(?<month>\d{2})/.exec("on 2024-05 we");
console.log(date.groups.year, date.groups.month, date.index);
console.log("price: $42, $7".match(/(?<=\$)\d+/g).join(","));
console.log([..."a1b2c3".matchAll(/[a-z](\d)/g)].map((m) => m[1]).join(""));
const sticky = /foo/y; sticky.lastIndex = 3;
console.log(sticky.test("barfoo"), sticky.lastIndex);
console.log(/b(c)/d.exec("abcd").indices[1].join(","));
console.log("𝒳y".length, [..."𝒳y"].length, "𝒳".codePointAt(0).toString(16), String.fromCodePoint(0x1f600).length);
console.log("Straße".toUpperCase(), "ÇA".toLowerCase(), "a,b,,c".split(","));
