namespace DualEngine.Engine.Tests;

/// <summary>
/// The Annex B built-ins (B.2.1-4): the global escape and unescape, String.prototype.substr, the HTML methods and
/// trimLeft/trimRight, Date.prototype.getYear, setYear and toGMTString, and RegExp.prototype.compile. The expected values
/// are node's (v20) for the same scripts; the Date cases give the same results in any time zone (checked under several TZ).
/// </summary>
public class AnnexBBuiltinsTests
{
    [Theory]
    // escape (B.2.1.1): ToString first (hint string), then every code unit outside the ASCII word characters and "@*+-./"
    // becomes %XX below 256 and %uXXXX above, upper-case; a surrogate pair is two code units, so two %u escapes.
    [InlineData("escape('abcXYZ019@*_+-./')", "abcXYZ019@*_+-./")]
    [InlineData("escape(' !\"#$%&\\'(),:;<=>?[\\\\]^`{|}~')", "%20%21%22%23%24%25%26%27%28%29%2C%3A%3B%3C%3D%3E%3F%5B%5C%5D%5E%60%7B%7C%7D%7E")]
    [InlineData("escape('\\u00e9\\u00ff\\u0100\\u20ac\\u0000')", "%E9%FF%u0100%u20AC%00")]
    [InlineData("escape('\\ud83d\\ude00')", "%uD83D%uDE00")]
    [InlineData("[escape(null), escape(undefined), escape(12.5), escape(true), escape(-1n), escape()].join()", "null,undefined,12.5,true,-1,undefined")]
    [InlineData("var log = []; escape({ toString() { log.push('toString'); return 'a b'; }, valueOf() { log.push('valueOf'); return 1; } }) + ' ' + log.join()", "a%20b toString")]
    [InlineData("var s = ''; for (var i = 0; i < 0x3000; i++) s += String.fromCharCode(i); unescape(escape(s)) === s", "true")]
    [InlineData("var d = Object.getOwnPropertyDescriptor(globalThis, 'escape'); [typeof escape, escape.name, escape.length, d.writable, d.enumerable, d.configurable].join()", "function,escape,1,true,false,true")]
    public void Escape(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // unescape (B.2.1.2): %uXXXX and %XX decode only when every digit is an ASCII hex digit (no sign, no space) and the
    // digits fit before the end; anything else leaves the '%' as it is. Only a lower-case u introduces the four-digit form.
    [InlineData("unescape('%u0041%41%e9%uD83D%uDE00%7e')", "AA\u00E9\uD83D\uDE00~")]
    [InlineData("unescape('%U0041|%u004|%4|%zz|%|%%41')", "%U0041|%u004|%4|%zz|%|%A")]
    [InlineData("unescape('%u00zz41|%u')", "%u00zz41|%u")]
    [InlineData("unescape('%+1%-1% 1')", "%+1%-1% 1")]
    [InlineData("try { unescape(Symbol()); } catch (e) { e.name }", "TypeError")]
    public void Unescape(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // The HTML methods (B.2.2.2-14) through CreateHTML: RequireObjectCoercible and ToString of this before ToString of the
    // attribute value, which only the four methods with an attribute read; '"' in it becomes &quot; (nothing else is escaped).
    [InlineData("'_'.anchor('\"x\" & y')", "<a name=\"&quot;x&quot; & y\">_</a>")]
    [InlineData("['big', 'blink', 'bold', 'fixed', 'italics', 'small', 'strike', 'sub', 'sup'].map(m => 'x'[m]()).join(' ')", "<big>x</big> <blink>x</blink> <b>x</b> <tt>x</tt> <i>x</i> <small>x</small> <strike>x</strike> <sub>x</sub> <sup>x</sup>")]
    [InlineData("'x'.fontcolor('red') + 'x'.fontsize(7) + 'x'.link('/a?b=\"c\"')", "<font color=\"red\">x</font><font size=\"7\">x</font><a href=\"/a?b=&quot;c&quot;\">x</a>")]
    [InlineData("'x'.big({ toString() { throw new Error('never read'); } })", "<big>x</big>")]
    [InlineData("var log = []; String.prototype.link.call({ toString() { log.push('this'); return 's'; } }, { toString() { log.push('arg'); return 'u'; } }) + ' ' + log.join()", "<a href=\"u\">s</a> this,arg")]
    [InlineData("var log = []; try { String.prototype.anchor.call(null, { toString() { log.push('arg'); return ''; } }); } catch (e) { log.push(e.name); } log.join()", "TypeError")]
    [InlineData("['anchor', 'big', 'fontcolor', 'fontsize', 'link', 'sup'].map(m => String.prototype[m].name + ':' + String.prototype[m].length).join()", "anchor:1,big:0,fontcolor:1,fontsize:1,link:1,sup:0")]
    [InlineData("var d = Object.getOwnPropertyDescriptor(String.prototype, 'fontsize'); [d.writable, d.enumerable, d.configurable, Object.keys(String.prototype).length].join()", "true,false,true,0")]
    public void HtmlMethods(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // substr (B.2.2.1): start is relative to the end when negative, length is clamped; start converts before length.
    [InlineData("['abcdef'.substr(-3, 2), 'abcdef'.substr(2), 'abcdef'.substr(1, -1), 'abcdef'.substr(-Infinity, 2), 'abcdef'.substr(NaN, Infinity), 'abcdef'.substr(4, 100), 'abcdef'.substr(9)].join('|')", "de|cdef||ab|abcdef|ef|")]
    [InlineData("var log = []; 'abc'.substr({ valueOf() { log.push('start'); return 1; } }, { valueOf() { log.push('length'); return 1; } }) + ' ' + log.join()", "b start,length")]
    public void Substr(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // trimLeft and trimRight (B.2.2.15-16) are the trimStart and trimEnd function objects, names included.
    [InlineData("[String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight === String.prototype.trimEnd, String.prototype.trimLeft.name, String.prototype.trimRight.name].join()", "true,true,trimStart,trimEnd")]
    [InlineData("'[' + ' \\t\\n\\u00a0a b\\ufeff '.trimLeft() + '][' + ' \\u2028a b \\u3000'.trimRight() + ']'", "[a b\uFEFF ][ \u2028a b]")]
    public void TrimLeftRight(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // getYear, setYear and toGMTString (B.2.3.1-3). setYear reads the time value before ToNumber(year), takes an invalid
    // date as local +0, maps years whose integer part is 0..99 to 19xx, and clips the result; toGMTString is toUTCString.
    [InlineData("[new Date(2000, 0, 1).getYear(), new Date(1899, 0).getYear(), new Date(1970, 6, 4).getYear(), new Date(NaN).getYear()].join()", "100,-1,70,NaN")]
    [InlineData("[99, 100, -1, 99.9, -0.5, '50', 1e3].map(y => { var d = new Date(2000, 5, 15, 12); d.setYear(y); return d.getFullYear(); }).join()", "1999,100,-1,1999,1900,1950,1000")]
    [InlineData("var d = new Date(2000, 5, 15, 12, 30); d.setYear(95); [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()].join()", "1995,5,15,12,30")]
    [InlineData("var d = new Date(NaN); var r = d.setYear(2000); [r === d.getTime(), d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()].join()", "true,2000,0,1,0")]
    [InlineData("var d = new Date(2000, 0); [d.setYear(NaN), d.getTime(), new Date(0).setYear(300000), new Date(0).setYear(Infinity)].join()", "NaN,NaN,NaN,NaN")]
    [InlineData("var d = new Date(NaN); d.setYear({ valueOf() { d.setTime(0); return 1; } }); d.getYear()", "1")]
    [InlineData("var log = []; try { Date.prototype.setYear.call({}, { valueOf() { log.push('valueOf'); return 1; } }); } catch (e) { log.push(e.name); } log.join()", "TypeError")]
    [InlineData("[Date.prototype.toGMTString === Date.prototype.toUTCString, Date.prototype.toGMTString.name, new Date(0).toGMTString(), new Date(NaN).toGMTString()].join('|')", "true|toUTCString|Thu, 01 Jan 1970 00:00:00 GMT|Invalid Date")]
    [InlineData("var d = Object.getOwnPropertyDescriptor(Date.prototype, 'toGMTString'); [d.writable, d.enumerable, d.configurable].join()", "true,false,true")]
    public void DateMethods(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // RegExp.prototype.compile (B.2.4.1): RegExpInitialize in place. A RegExp pattern gives its source and flags (flags must
    // then be undefined); bad flags or patterns throw SyntaxError before anything changes; lastIndex is set to 0 last, with
    // Set(..., true), so a read-only lastIndex throws after the new pattern is in place.
    [InlineData("var re = /a/g; re.lastIndex = 3; var r = re.compile('b+', 'i'); [r === re, re.source, re.flags, re.lastIndex, re.test('xBBx'), re.test('a')].join()", "true,b+,i,0,true,false")]
    [InlineData("var re = /x/; re.compile(/y+/gm); [re.source, re.flags, re.exec('ayy')[0], re.lastIndex].join()", "y+,gm,yy,3")]
    [InlineData("var log = []; var re = /x/g; re.compile({ toString() { log.push('pattern'); return 'p'; } }, { toString() { log.push('flags'); return 'y'; } }); re.compile(); [log.join(), re.source, re.flags === '', re.test('')].join()", "pattern,flags,(?:),true,true")]
    [InlineData("var re = /x/; var r = []; try { re.compile(/y/, 'g'); } catch (e) { r.push(e.name); } try { re.compile('z', 'gg'); } catch (e) { r.push(e.name); } try { re.compile('('); } catch (e) { r.push(e.name); } r.push(re.source); r.join()", "TypeError,SyntaxError,SyntaxError,x")]
    [InlineData("var re = /initial/; Object.defineProperty(re, 'lastIndex', { value: 45, writable: false }); var name; try { re.compile('updated', 'g'); } catch (e) { name = e.name; } [name, String(re), re.lastIndex].join()", "TypeError,/updated/g,45")]
    [InlineData("var c = RegExp.prototype.compile; var d = Object.getOwnPropertyDescriptor(RegExp.prototype, 'compile'); var n; try { c.call({}); } catch (e) { n = e.name; } [c.name, c.length, d.writable, d.enumerable, d.configurable, n].join()", "compile,2,true,false,true,TypeError")]
    public void RegExpCompile(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}
