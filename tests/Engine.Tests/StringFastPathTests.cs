namespace DualEngine.Engine.Tests;

/// <summary>
/// The fast paths for string-heavy code: ropes (`+=`), string + number, integer `%`, join over dense arrays,
/// and the position arguments of indexOf/slice and friends. Each case is checked against what the spec
/// (and node) give, including the edges the fast paths must hand to the generic code.
/// </summary>
public class StringFastPathTests
{
    [Theory]
    // Ropes of ropes, both sides, flattened in the right order.
    [InlineData("let a = ''; for (let i = 0; i < 40; i++) a += 'a' + i; let b = ''; for (let i = 0; i < 40; i++) b = i + 'b' + b; const c = a + b + a; c.length + ':' + c.slice(0, 6) + ':' + c.slice(-6) + ':' + c.indexOf('39b38')",
        "330:a0a1a2:a38a39:110")]
    [InlineData("const x = 'x'.repeat(70); const r1 = x + 'y'; const r2 = 'z' + x; const r3 = r1 + r2; const r4 = r3 + r3; r4.length + ':' + r4.indexOf('yz') + ':' + r4.lastIndexOf('yz') + ':' + (r4 === r1 + r2 + r1 + r2)",
        "284:70:212:true")]
    // A shared rope node flattened through two parents, then reused.
    [InlineData("const base = 'q'.repeat(64) + 'w'; const p = base + '1'; const q = base + '2'; [p.slice(-2), q.slice(-2), base.length, (p + q).length].join()",
        "w1,w2,65,132")]
    // string + number and number + string, every Number shape.
    [InlineData("['a' + 0, 'a' + -0, 'a' + 7, 'a' + 1023, 'a' + 1024, 'a' + -5, 'a' + 2147483647, 'a' + 2147483648, 'a' + -2147483648, 'a' + 1.5, 'a' + NaN, 'a' + Infinity, 'a' + -Infinity, 'a' + 1e21, 'a' + 1e-7].join('|')",
        "a0|a0|a7|a1023|a1024|a-5|a2147483647|a2147483648|a-2147483648|a1.5|aNaN|aInfinity|a-Infinity|a1e+21|a1e-7")]
    [InlineData("[0 + 'b', -0 + 'b', 12345 + 'b', -12345 + 'b', 0.25 + 'b', NaN + 'b'].join('|')", "0b|0b|12345b|-12345b|0.25b|NaNb")]
    // Every digit count of a 32-bit integer, computed at run time, through String(), + and `s += a + n`.
    [InlineData("const ns = [0, -0, 9, 10, 99, 100, 1023, 1024, 99999, 100000, 999999999, 1000000000, 2147483647, -1, -10, -2147483647, -2147483648, 4294967295]; let s = 'x'.repeat(70); for (const n of ns) s += ',' + n; [ns.map(String).join(), ns.map(n => '' + n).join(), s.slice(71)].join('|')",
        "0,0,9,10,99,100,1023,1024,99999,100000,999999999,1000000000,2147483647,-1,-10,-2147483647,-2147483648,4294967295|0,0,9,10,99,100,1023,1024,99999,100000,999999999,1000000000,2147483647,-1,-10,-2147483647,-2147483648,4294967295|0,0,9,10,99,100,1023,1024,99999,100000,999999999,1000000000,2147483647,-1,-10,-2147483647,-2147483648,4294967295")]
    [InlineData("const long = 'L'.repeat(70); const r = long + 123456; const l = 654321 + long; [r.length, r.slice(-6), l.length, l.slice(0, 6), (r + 1).slice(-7)].join()",
        "76,123456,76,654321,1234561")]
    [InlineData("let s = ''; for (let i = 0; i < 30; i++) s += i; s", "01234567891011121314151617181920212223242526272829")]
    [InlineData("'x' + true + null + undefined + 1n + [1, 2] + {}", "xtruenullundefined11,2[object Object]")]
    [InlineData("const o = { valueOf() { return 5; }, toString() { return 'T'; } }; ['s' + o, o + 's', 1 + o].join()", "s5,5s,6")]
    public void Concatenation(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void VeryDeepRopesFlattenWithoutOverflow()
    {
        // Left-deep (s += x), right-deep (s = x + s) and balanced-ish ropes, far deeper than the .NET stack allows recursion.
        Assert.Equal("600000:ab0:b9",
            TestHost.Run("let s = ''; for (let i = 0; i < 200000; i++) s += 'ab' + (i % 10); s.length + ':' + s.slice(0, 3) + ':' + s.slice(-2)"));
        Assert.Equal("600000:b9a:b0a",
            TestHost.Run("let s = ''; for (let i = 0; i < 200000; i++) s = 'b' + (i % 10) + 'a' + s; s.length + ':' + s.slice(0, 3) + ':' + s.slice(-3)"));
        Assert.Equal("40320:true:xyxy",
            TestHost.Run("let s = 'xy'.repeat(40); let t = s; for (let i = 0; i < 5000; i++) { s = s + 'xy'; t = 'xy' + t; } const u = s + t; const v = u + u; v.length + ':' + (v === u + u) + ':' + v.slice(20158, 20162)"));
    }

    [Theory]
    // Appends in a loop: the text is checked against the same text built another way, plus exact pieces.
    [InlineData("let s = ''; const p = []; for (let i = 0; i < 3000; i++) { s += 'ab' + (i % 10); p.push('ab' + (i % 10)); } [s.length, s === p.join(''), s.slice(0, 7), s.slice(-7), s.slice(2990, 3004)].join()",
        "9000,true,ab0ab1a,7ab8ab9,6ab7ab8ab9ab0a")]
    [InlineData("let s = 'start:'; for (let i = 0; i < 500; i++) s += i; let e = 'start:'; for (let i = 0; i < 500; i++) e = e.concat(String(i)); [s.length, s === e, s.slice(-9)].join()",
        "1396,true,497498499")]
    [InlineData("let s = ''; for (let i = 0; i < 100; i++) s += String.fromCharCode(65 + i % 26); s",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUV")]
    [InlineData("let s = 'x'.repeat(64); for (let i = 0; i < 40; i++) s += i * 1.5; [s.length, s.slice(64, 80), s.slice(-12)].join()",
        "177,01.534.567.5910.,5455.55758.5")]
    public void AppendLoops(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // A string kept while another keeps growing from it: each has its own text.
    [InlineData("let s = ''; for (let i = 0; i < 40; i++) s += 'ab' + i; let a = s; s += 'x'; a += 'y'; s += 'X'; a += 'Y'; [a.length, s.length, a.slice(-5), s.slice(-5), a.slice(0, -2) === s.slice(0, -2), a === s].join()",
        "152,152,b39yY,b39xX,true,false")]
    [InlineData("let s = 'p'.repeat(70); let t = ''; for (let i = 0; i < 400; i++) { t = s + '|'; s += i % 10; } let u = 'p'.repeat(70); for (let i = 0; i < 400; i++) u += i % 10; [s === u, t === u.slice(0, -1) + '|', s.length, t.length, t.slice(-4)].join()",
        "true,true,470,470,678|")]
    [InlineData("let base = ''; for (let i = 0; i < 30; i++) base += 'b' + i; const forks = []; for (let i = 0; i < 5; i++) { let f = base; for (let j = 0; j < 50; j++) f += String.fromCharCode(97 + i); forks.push(f); } base += '!'; forks.map(f => f.length + f.slice(-3) + f.slice(0, 3)).join() + ':' + base.slice(-3) + ':' + forks.every(f => f.startsWith(base.slice(0, -1)))",
        "130aaab0b,130bbbb0b,130cccb0b,130dddb0b,130eeeb0b:29!:true")]
    [InlineData("let s = ''; for (let i = 0; i < 50; i++) s += 'ab' + i; const keep = []; for (let i = 0; i < 20; i++) { keep.push(s); s += i; } keep.map(k => k.length).join() + ':' + keep.map(k => k.slice(-2)).join('') + ':' + s.slice(-6)",
        "190,191,192,193,194,195,196,197,198,199,200,202,204,206,208,210,212,214,216,218:4990011223344556677889101112131415161718:171819")]
    public void AppendsToViewsThatAreNotTheTip(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Buffer-backed strings on either side of ordinary rope nodes, and on the right of `+`.
    [InlineData("let v = ''; for (let i = 0; i < 30; i++) v += 'v' + i; const node = 'n'.repeat(70) + 'N'; const a = node + v; const b = v + node; const c = a + b; [a.length, a.slice(68, 75), b.slice(-3), c.length, c === node + v + v + node, c.indexOf('Nv0'), c.lastIndexOf('v29n')].join()",
        "151,nnNv0v1,nnN,302,true,70,228")]
    [InlineData("let v = ''; for (let i = 0; i < 30; i++) v += 'v' + i; let w = ''; for (let i = 0; i < 30; i++) w += 'w' + i; const vw = v + w; const wv = w + v; v += w; [vw === v, wv.slice(0, 6), wv.slice(-6), vw.length, (vw + wv + vw).slice(110, 130)].join()",
        "true,w0w1w2,v28v29,160,13w14w15w16w17w18w19")]
    [InlineData("let s = ''; for (let i = 0; i < 40; i++) s += 'ab' + (i % 10); s += s; s += s; const t = 'pre' + s + 'post'; [s.length, s.slice(118, 124), s.slice(-5), t.length, t.slice(0, 6), t.slice(-7)].join()",
        "480,b9ab0a,b8ab9,487,preab0,ab9post")]
    [InlineData("let s = ''; for (let i = 0; i < 40; i++) s += 'ab' + (i % 10); let r = ''; for (let i = 0; i < 40; i++) r = i + r; const x = r + s; const y = s + r; let z = y; z += x; [x.slice(0, 4), x.slice(-4), y.slice(118, 124), z.length, z === s + r + r + s].join()",
        "3938,8ab9,b93938,380,true")]
    public void ViewsMixedWithNodes(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("let s = ''; for (let i = 0; i < 100000; i++) s += String.fromCharCode(97 + i % 26) + (i % 7); let bad = 0; for (let i = 0; i < 100000; i++) if (s.charCodeAt(2 * i) !== 97 + i % 26 || s.charCodeAt(2 * i + 1) !== 48 + i % 7) bad++; [s.length, bad].join()",
        "200000,0")]
    [InlineData("let s = ''; for (let i = 0; i < 16; i++) s += 'seg' + i + '-'.repeat(1000 * i); let n = 0; for (let i = 0; i < 16; i++) n += s.indexOf('seg' + i); [s.length, n, s.slice(-4)].join()",
        "120070,560495,----")]
    public void LongAppendsAcrossBufferGrowth(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("let s = ''; for (let i = 0; i < 30; i++) s += 'k' + i; const o = {}; o[s] = 1; let t = ''; for (let i = 0; i < 30; i++) t += 'k' + i; [o[t], s in o, s === t, s == t, s < t + 'a', s.charCodeAt(5), s.indexOf('k29'), s.at(-1), s.includes('k15k16'), s.split('k').length, s.toUpperCase().slice(0, 6)].join()",
        "1,true,true,true,true,50,77,9,true,31,K0K1K2")]
    [InlineData("let s = ''; for (let i = 0; i < 25; i++) s += 'q\"' + i; const j = JSON.stringify({ [s.slice(0, 4)]: s }); [j.length, j.slice(0, 20), JSON.parse(j)[s.slice(0, 4)] === s, `<${s}>`.length, `${s}${s}`.slice(95, 105)].join('|')",
        "127|{\"q\\\"0q\":\"q\\\"0q\\\"1q\\|true|92|1q\"2q\"3q\"4")]
    [InlineData("let s = ''; for (let i = 0; i < 30; i++) s += 'm' + i; const m = new Map([[s, 'found']]); let t = 'm0'; for (let i = 1; i < 30; i++) t += 'm' + i; [m.get(t), new Set([s, t]).size, [...s].length, s.replace(/m(\\d+)/g, '$1').slice(0, 12), s.padEnd(120, '.').slice(-3), s.repeat(2).length, s.trim() === s].join()",
        "found,1,80,012345678910,...,160,true")]
    public void StringOperationsOnViews(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void AppendPastTheLengthLimitThrowsAndLeavesTheStringIntact()
    {
        // The right side is a rope of 2^29 - 300 chars made of shared parts (4 MB of real text), so reaching
        // the limit is cheap; the failed appends must not have written into the left string's buffer.
        Assert.Equal("536870612,391,RangeError,RangeError,b99!", TestHost.Run(
            "let s = ''; for (let i = 0; i < 100; i++) s += 'ab' + i; let b = 'x'.repeat(1 << 20); let huge = 'y'.repeat((1 << 20) - 300); " +
            "for (let k = 0; k < 9; k++) { huge = huge + b; if (k < 8) b = b + b; } " +
            "let r; try { s + huge; r = 'no'; } catch (e) { r = e.name; } let r2; try { s += huge; r2 = 'no'; } catch (e) { r2 = e.name; } " +
            "s += '!'; [huge.length, s.length, r, r2, s.slice(-4)].join()"));
    }

    [Theory]
    [InlineData("[5 % 3, -5 % 3, 5 % -3, -5 % -3, 6 % 3, -6 % 3, 0 % 5, -0 % 5].map(x => Object.is(x, -0) ? '-0' : String(x)).join()", "2,-2,2,-2,0,-0,0,-0")]
    [InlineData("[5 % 0, -5 % 0, 0 % 0, NaN % 2, 2 % NaN, Infinity % 2, 2 % Infinity, -2 % Infinity, -0 % Infinity].map(x => Object.is(x, -0) ? '-0' : String(x)).join()", "NaN,NaN,NaN,NaN,NaN,NaN,2,-2,-0")]
    [InlineData("[5.5 % 2, -5.5 % 2, 2147483647 % 10, -2147483648 % 10, -2147483648 % 2, 2147483648 % 10, 4294967296 % 7, 1e20 % 7].map(x => Object.is(x, -0) ? '-0' : String(x)).join()", "1.5,-1.5,7,-8,-0,8,4,2")]
    [InlineData("[7 % 2147483647, -7 % 1, 7 % 1, 3 % 0.5, 10n % 3n].map(x => Object.is(x, -0) ? '-0' : String(x)).join()", "7,-0,0,0,1")]
    public void Remainder(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("[1, , 3].join('-')", "1--3")]
    [InlineData("[undefined, null, 'a', 1, true, 2n, -0, 1.5].join()", ",,a,1,true,2,0,1.5")]
    [InlineData("[].join() + '|' + [,].join() + '|' + [, ,].join() + '|' + ['only'].join()", "||,|only")]
    [InlineData("const a = [1, 2]; a.length = 4; a.join('+')", "1+2++")]
    [InlineData("Array.prototype[1] = 'P'; const r = [0, , 2].join(); delete Array.prototype[1]; r", "0,P,2")]
    [InlineData("Object.prototype[1] = 'O'; const r = [0, , 2].join(); delete Object.prototype[1]; r", "0,O,2")]
    [InlineData("const a = ['a', {toString() { a[2] = 'changed'; return 'o'; }}, 'c']; a.join()", "a,o,changed")]
    [InlineData("const a = [1, 2]; a.push(a); a.join()", "1,2,")]
    [InlineData("try { ['a', Symbol('s')].join(); 'no' } catch (e) { e.name }", "TypeError")]
    [InlineData("let s = ''; for (let i = 0; i < 70; i++) s += 'r'; [s, s].join('').length", "140")]
    [InlineData("['a', 'b'].join(undefined) + [1, 2].join(null) + [1, 2].join('')", "a,b1null212")]
    [InlineData("const p = []; for (let i = 0; i < 2000; i++) p.push('x' + i); const j = p.join(','); j.length + ':' + j.slice(0, 8) + ':' + j.slice(-5)", "10889:x0,x1,x2:x1999")]
    [InlineData("Array.prototype.join.call({length: 3, 0: 'a', 2: 'c'}, '-')", "a--c")]
    public void Join(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("['abcabc'.indexOf('c'), 'abcabc'.indexOf('c', 3), 'abcabc'.indexOf('c', 6), 'abcabc'.indexOf('', 99), 'abcabc'.indexOf('', 2.9), 'abcabc'.indexOf('a', -5)].join()", "2,5,-1,6,2,0")]
    [InlineData("['abc'.indexOf('b', NaN), 'abc'.indexOf('b', Infinity), 'abc'.indexOf('b', -Infinity), 'abc'.indexOf('b', '1'), 'abc'.indexOf('b', 1.9), 'abc'.indexOf('bc', 2)].join()", "1,-1,1,1,1,-1")]
    [InlineData("['a1b'.indexOf(1), 'aundefinedb'.indexOf(), 'null'.indexOf(null), 'abc'.indexOf({toString() { return 'c'; }})].join()", "1,1,0,2")]
    [InlineData("['abcdef'.slice(1, 3), 'abcdef'.slice(-2), 'abcdef'.slice(-2.5), 'abcdef'.slice(2, -1), 'abcdef'.slice(4, 2), 'abcdef'.slice(NaN, 2), 'abcdef'.slice(1.7, 3.9), 'abcdef'.slice(-Infinity, Infinity), 'abcdef'.slice(undefined, undefined), 'abcdef'.slice('1', '2')].join('|')",
        "bc|ef|ef|cde||ab|bc|abcdef|abcdef|b")]
    [InlineData("['abcdef'.slice(-0.5), 'abcdef'.slice(0, -0.5), 'abcdef'.slice(-7, -6), 'abcdef'.slice(6), 'abcdef'.slice(7)].join('|')", "abcdef||||")]
    [InlineData("['abcdef'.substring(4, 1), 'abcdef'.substring(-3, 2), 'abcdef'.substring(2.9, NaN), 'abcdef'.substring(3)].join('|')", "bcd|ab|ab|def")]
    [InlineData("['abc'.charAt(1), 'abc'.charAt(-0.5), 'abc'.charAt(3), 'abc'.charAt(NaN), 'abc'.charCodeAt(1.9), 'abc'.charCodeAt(-1), 'abc'.at(-1), 'abc'.at(-0.9), 'abc'.at(3), '\\u00e9'.charAt(0) === '\\u00e9'].join('|')",
        "b|a||a|98|NaN|c|a||true")]
    [InlineData("['abc'.includes('c', 2), 'abc'.includes('c', 2.9), 'abc'.includes('a', -1), 'abc'.startsWith('b', 1), 'abc'.startsWith('b', 1.5), 'abc'.startsWith('', 99)].join()", "true,true,true,true,true,true")]
    [InlineData("try { String.prototype.indexOf.call(null, 'a'); 'no' } catch (e) { e.name }", "TypeError")]
    [InlineData("String.prototype.indexOf.call(12345, 34) + String.prototype.slice.call(12345, 1, 3)", "223")]
    [InlineData("let r = ''; for (let i = 0; i < 30; i++) r += 'ab'; [r.indexOf('ba', 10), r.slice(57), r.length].join()", "11,bab,60")]
    public void Positions(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("['aXbXc'.replace('X', '-'), 'aXbXc'.replaceAll('X', '-'), 'abc'.replace('z', '-'), 'abc'.replace('', '-'), 'abc'.replaceAll('', '-'), 'abc'.replace('b', '[$&$$$`$\\'$1]'), 'abc'.replace('b', (m, p, s) => m + p + s.length)].join('|')",
        "a-bXc|a-b-c|abc|-abc|-a-b-c-|a[b$ac$1]c|ab13c")]
    [InlineData("['canal'.lastIndexOf('a'), 'canal'.lastIndexOf('a', 2), 'canal'.lastIndexOf('a', 0), 'canal'.lastIndexOf('x'), 'canal'.lastIndexOf('c', -5), 'canal'.lastIndexOf('c', 0), 'canal'.lastIndexOf(''), 'canal'.lastIndexOf('', 2), 'abab'.lastIndexOf('ab', NaN), 'ab'.lastIndexOf('abc')].join()",
        "3,1,-1,-1,0,0,5,2,2,-1")]
    [InlineData("[String.fromCharCode(65), String.fromCharCode(0x10041), String.fromCharCode(233), String.fromCharCode(0x263A), String.fromCharCode(), String.fromCharCode(72, 105), 'h\\u00e9llo'.split('').length, 'abc'.charAt(2) + 'abc'.at(0)].join('|')",
        "A|A|\u00e9|\u263a||Hi|5|ca")]
    public void Replace(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("[0.1, -0.1, 1.5, 1/3, -2/3, 0.1 + 0.2, 1e21, 1e20, 123456789012345680000, 1e-6, 1e-7, 1.23e-7, -1.5e-10, 5e-324, 1.7976931348623157e308, 9007199254740992, 9007199254740993, -9007199254740992, 2**53 + 2, 100.25, 1e300, 4294967296.5, 0.000001234, 12345.678e10].map(String).join(' ')",
        "0.1 -0.1 1.5 0.3333333333333333 -0.6666666666666666 0.30000000000000004 1e+21 100000000000000000000 123456789012345680000 0.000001 1e-7 1.23e-7 -1.5e-10 5e-324 1.7976931348623157e+308 9007199254740992 9007199254740992 -9007199254740992 9007199254740994 100.25 1e+300 4294967296.5 0.000001234 123456780000000")]
    [InlineData("['' + 0.5, 0.5 + '', 'n=' + -1e-7, 1e21 + 'x', 'y' + (1/3), 'z' + 2**60].join(' ')", "0.5 0.5 n=-1e-7 1e+21x y0.3333333333333333 z1152921504606847000")]
    public void NumberToString(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("[Number('42'), +'007', '12' * 2, Number('123456789012345'), Number('1234567890123456789'), Number(' 42 '), Number('4_2'), Number('0x1f'), Number(''), Number('9'), Number('1e3'), Number('-12'), '10' == 10, '010' == 8, Number('\u0664')].join()",
        "42,7,24,123456789012345,1234567890123456800,42,NaN,31,0,9,1000,-12,true,false,NaN")]
    public void StringToNumber(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}
