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
