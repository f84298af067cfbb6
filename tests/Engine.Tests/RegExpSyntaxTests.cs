namespace DualEngine.Engine.Tests;

/// <summary>
/// RegExp pattern syntax as the engine translates it to .NET (src/Engine/Builtins/RegExp/RegExpTranslator.cs): modifier
/// groups, group names and duplicate names, backreferences, Annex B escapes, and the character sets whose meaning
/// differs between JS and .NET. Expected values are node's (v20) for the same expressions, except modifiers and
/// duplicate named groups, which V8 11.3 predates: those follow test262 (built-ins/RegExp/regexp-modifiers and
/// built-ins/RegExp/named-groups/duplicate-names-*).
/// </summary>
public class RegExpSyntaxTests
{
    [Theory]
    // ES2025 RegExp modifiers (test262, not node 20): i, m and s change inside the group only, nested groups override
    // outer ones, \w and \b follow the group's i (with u, \w also holds U+017F and U+212A); early errors.
    [InlineData("/(?i:a)b/.test('Ab')", "true")]
    [InlineData("/(?i:a)b/.test('AB')", "false")]
    [InlineData("/(?-i:a)b/i.test('aB')", "true")]
    [InlineData("/(?-i:a)b/i.test('AB')", "false")]
    [InlineData("/(?i:a(?-i:b)c)/.test('AbC')", "true")]
    [InlineData("/(?i:a(?-i:b)c)/.test('ABC')", "false")]
    [InlineData("/(?s:.)./.test('\\n\\n')", "false")]
    [InlineData("/(?s:.)./.test('\\na')", "true")]
    [InlineData("/(?-s:.)/s.test('\\n')", "false")]
    [InlineData("/(?m:^b$)/.test('a\\nb\\nc')", "true")]
    [InlineData("/(?m:^a)|^c$/.test('b\\nc')", "false")]
    [InlineData("/(?-m:^a$)/m.test('a\\nb')", "false")]
    [InlineData("/(?m-s:a$.)/s.test('a\\n')", "false")]
    [InlineData("/(?m-s:a$)/s.test('a\\nb')", "true")]
    [InlineData("/(?m:(?-m:a$)|b$)/.test('a\\nb\\n')", "true")]
    [InlineData("/(?m:(?-m:a$))/.test('a\\nb')", "false")]
    [InlineData("/(?i:\\w)/u.test('\\u017f')", "true")]
    [InlineData("/(?i:\\w)/.test('\\u017f')", "false")]
    [InlineData("/(?-i:\\w)/iu.test('\\u212a')", "false")]
    [InlineData("/(?-i:\\b)/ui.test('\\u017f')", "false")]
    [InlineData("/(?i:(a)\\1)/.test('aA')", "true")]
    [InlineData("(function(){try{new RegExp('(?ii:a)');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('(?i-i:a)');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('(?-:a)');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('(?I:a)');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('(?x:a)');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('(?i-:a)');return 'ok'}catch(e){return e.name}})()", "ok")]
    public void ModifierGroups(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Group names: $, _, astral letters and \u escapes; the groups object, $<name> in replacements, forward \k
    // references; named and unnamed groups numbered together left to right; references to groups that did not
    // participate match empty; captures inside a quantified group reset on each iteration.
    [InlineData("JSON.stringify(/(?<$>a)(?<_b>b)/.exec('ab').groups)", "{\"$\":\"a\",\"_b\":\"b\"}")]
    [InlineData("JSON.stringify(/(?<\\u{03C0}>a)/u.exec('a').groups)", "{\"\u03C0\":\"a\"}")]
    [InlineData("Object.keys(/(?<\\u03C0x>a)/.exec('a').groups).join()", "\u03C0x")]
    [InlineData("JSON.stringify(/(?<\uD835\uDC53\uD835\uDC5C\uD835\uDC65>fox)/.exec('fox').groups)", "{\"\uD835\uDC53\uD835\uDC5C\uD835\uDC65\":\"fox\"}")]
    [InlineData("'ab'.replace(/(?<$x>a)(?<y>b)/, '[$<y>$<$x>]')", "[ba]")]
    [InlineData("/\\k<a>(?<a>x)/.test('x')", "true")]
    [InlineData("JSON.stringify(/(?<a>.)(b)(?<c>.)/.exec('abc'))", "[\"abc\",\"a\",\"b\",\"c\"]")]
    [InlineData("JSON.stringify(/(a)(?<n>b)(c)\\3/.exec('abcc'))", "[\"abcc\",\"a\",\"b\",\"c\"]")]
    [InlineData("JSON.stringify(/\\1(a)/.exec('a'))", "[\"a\",\"a\"]")]
    [InlineData("JSON.stringify(/(?:(a)|b)\\1c/.exec('bc'))", "[\"bc\",null]")]
    [InlineData("JSON.stringify(/(?:(a)|b)+/.exec('ab'))", "[\"ab\",null]")]
    [InlineData("JSON.stringify(/(z)((a+)?(b+)?(c))*/.exec('zaacbbbcac'))", "[\"zaacbbbcac\",\"z\",\"ac\",\"a\",null,\"c\"]")]
    public void GroupNamesAndBackreferences(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // ES2025 duplicate named capturing groups (test262, not node 20): the array keeps every group, `groups.x` is the
    // one that participated; the same name twice in one alternative is a SyntaxError.
    [InlineData("JSON.stringify(/(?<x>a)|(?<x>b)/.exec('bab'))", "[\"b\",null,\"b\"]")]
    [InlineData("/(?<x>a)|(?<x>b)/.exec('b').groups.x", "b")]
    [InlineData("JSON.stringify(/(?:(?<x>a)|(?<x>b))\\k<x>/.exec('bb'))", "[\"bb\",null,\"b\"]")]
    [InlineData("/(?:(?<x>a)|(?<x>b))\\k<x>/.exec('ab')", "null")]
    [InlineData("JSON.stringify(/(?:(?:(?<x>a)|(?<x>b))\\k<x>){2}/.exec('aabb'))", "[\"aabb\",null,\"b\"]")]
    [InlineData("JSON.stringify(/^(?:(?<a>x)|(?<a>y)|z){2}\\k<a>$/.exec('xz'))", "[\"xz\",null,null]")]
    [InlineData("/^(?:(?<a>x)|(?<a>y)|z){2}\\k<a>$/.exec('xzx')", "null")]
    [InlineData("'xab'.replace(/(?<x>a)|(?<x>b)/g, '[$<x>]')", "x[a][b]")]
    [InlineData("Object.keys(/(?:(?<x>a)|(?<y>a)(?<x>b))/.exec('ab').groups).join()", "x,y")]
    [InlineData("(function(){try{new RegExp('(?<x>a)(?<x>b)');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    public void DuplicateNamedGroups(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Annex B.1.2 without u: \c without a control letter is a backslash (in a class \c digit/_ is a control character),
    // \N with no such group is a legacy octal escape (\8 \9 identity), \x and \u without hex digits are letters, \k
    // without named groups is k, identity escapes of letters, ZWNJ (U+200C) and ZWJ (U+200D).
    [InlineData("/\\cA/.test('\\x01')", "true")]
    [InlineData("/\\c0/.test('\\\\c0')", "true")]
    [InlineData("/[\\c_]/.test('\\x1f')", "true")]
    [InlineData("/[\\c*]/.test('\\\\')", "true")]
    [InlineData("/\\1/.test('\\x01')", "true")]
    [InlineData("/\\8/.test('8')", "true")]
    [InlineData("/\\10/.test('\\x08')", "true")]
    [InlineData("/a\\377/.test('a\\xff')", "true")]
    [InlineData("/\\400/.test('\\x200')", "true")]
    [InlineData("/\\x/.test('x')", "true")]
    [InlineData("/\\x1/.test('x1')", "true")]
    [InlineData("/\\u12/.test('u12')", "true")]
    [InlineData("/\\k/.test('k')", "true")]
    [InlineData("/\\k<a>/.test('k<a>')", "true")]
    [InlineData("/\\C/.test('C')", "true")]
    [InlineData("/\\\u200C/.test('\\u200c')", "true")]
    [InlineData("/\\\u200D/.test('\\u200d')", "true")]
    [InlineData("/\\b(\\w+) \\2\\b/.test('aa a')", "false")]
    [InlineData("/[a-\\d]/.test('-')", "true")]
    [InlineData("/[\\d-z]/.test('-')", "true")]
    [InlineData("/[\\s-\\w]/.test('-')", "true")]
    public void AnnexBEscapes(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // With u the same escapes stay SyntaxErrors; a \k reference needs its group.
    [InlineData("(function(){try{new RegExp('\\\\c0','u');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('\\\\1','u');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('\\\\x','u');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('\\\\k','u');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('\\\\\\u200c','u');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('\\\\k<a>(?<b>x)');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    [InlineData("(function(){try{new RegExp('(?<a>x)(?<a>y)');return 'ok'}catch(e){return e.name}})()", "SyntaxError")]
    public void UnicodeModeEscapeErrors(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // JS sets and anchors, not .NET's: \s is WhiteSpace+LineTerminator (U+FEFF, not U+0085), \w \d \b are ASCII,
    // negated escapes inside classes, '-' next to a class escape is literal, m-mode ^ and $ at any line terminator,
    // a literal '{', [^] and [], dot and astral characters with u.
    [InlineData("/\\s/.test('\\ufeff')", "true")]
    [InlineData("/\\s/.test('\\x85')", "false")]
    [InlineData("/\\w/.test('\\u00e9')", "false")]
    [InlineData("/\\b\u00E9/.test('a\u00E9')", "true")]
    [InlineData("/[\\W]/.test('5')", "false")]
    [InlineData("/[\\D]/.test('\\u0663')", "true")]
    [InlineData("/^b/m.test('a\\rb')", "true")]
    [InlineData("/a$/m.test('a\\u2028b')", "true")]
    [InlineData("/^b/.test('a\\nb')", "false")]
    [InlineData("/a{,2}/.test('a{,2}')", "true")]
    [InlineData("/x{2,1/.test('x{2,1')", "true")]
    [InlineData("/[^]/.test('\\n')", "true")]
    [InlineData("/[]/.test('a')", "false")]
    [InlineData("/a.c/s.test('a\\nc')", "true")]
    [InlineData("/a.c/.test('a\\nc')", "false")]
    [InlineData("/\uD83D\uDE00{2}/u.test('\uD83D\uDE00\uD83D\uDE00')", "true")]
    [InlineData("/^.$/u.test('\uD83D\uDE00')", "true")]
    [InlineData("/^.$/.test('\uD83D\uDE00')", "false")]
    [InlineData("/<\\/[a-z]+>/.test('</ab>')", "true")]
    [InlineData("/a#b c/.test('a#b c')", "true")]
    [InlineData("String(new RegExp('(?<a>x)|(?<b>y)').exec('y').groups.a)", "undefined")]
    public void SetsAndAnchors(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Backreferences inside lookbehind, \w under i and iu, split with captures, named groups in replacer functions
    // and matchAll.
    [InlineData("JSON.stringify(/(?<=(\\d)\\1)x/.exec('11x'))", "[\"x\",\"1\"]")]
    [InlineData("JSON.stringify(/(?<=\\1(\\d))x/.exec('11x'))", "[\"x\",\"1\"]")]
    [InlineData("/^\\w+$/i.test('\\u212a')", "false")]
    [InlineData("/^\\w+$/iu.test('\\u212a')", "true")]
    [InlineData("/\\W/iu.test('\\u017f')", "false")]
    [InlineData("JSON.stringify('x1y22z'.split(/(\\d)+/))", "[\"x\",\"1\",\"y\",\"2\",\"z\"]")]
    [InlineData("'aBc'.replace(/(?<first>a)(?<rest>.*)/, (m, a, r, i, s, g) => g.rest + g.first)", "Bca")]
    [InlineData("JSON.stringify([...'a1b2'.matchAll(/(?<l>[a-z])(?<d>\\d)/g)].map(m => m.groups.l + m.groups.d))", "[\"a1\",\"b2\"]")]
    public void Miscellaneous(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}
