using System.Text;
using System.Text.RegularExpressions;
using DualEngine.Syntax.Parsing;
using Xunit.Abstractions;

namespace DualEngine.Syntax.Tests;

/// <summary>
/// Robustness: mutated test262 sources and pathological inputs may only ever produce our
/// JsSyntaxException (never another exception, a hang or a stack overflow).
/// </summary>
public sealed class FuzzTests
{
    // Only a hang guard: small inputs parse in microseconds, but a CI machine under heavy load can starve a thread for seconds.
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(30);

    /// <summary>DUALENGINE_FUZZ_SCALE=N multiplies the number of mutated inputs (default 1; CI keeps it small).</summary>
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("DUALENGINE_FUZZ_SCALE"), out var n) && n > 0 ? n : 1;
    private readonly ITestOutputHelper _out;

    public FuzzTests(ITestOutputHelper output) => _out = output;

    /// <summary>Parses under a time bound; returns a failure description or null.</summary>
    private static string? ParseBounded(string source, bool module, bool typeScript = false, TimeSpan? limit = null)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Parser.Parse(source, module, new ParserOptions { FileName = "fuzz.js", TypeScript = typeScript });
            }
            catch (JsSyntaxException e)
            {
                if (e.Line < 1 || e.Column < 1 || e.Offset < 0 || e.Offset > source.Length)
                    failure = new InvalidOperationException($"bad error position {e.Line}:{e.Column}@{e.Offset}");
                else if (NaiveLineColumn(source, e.Offset) != (e.Line, e.Column))
                    failure = new InvalidOperationException($"error position {e.Line}:{e.Column} does not match offset {e.Offset} ({NaiveLineColumn(source, e.Offset)})");
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 1024 * 1024);
        thread.Start();
        if (!thread.Join(limit ?? PerInputLimit)) return "timeout";
        return failure == null ? null : $"{failure.GetType().Name}: {failure.Message}";
    }

    private static (int, int) NaiveLineColumn(string s, int offset)
    {
        int line = 1, start = 0;
        for (int i = 0; i < offset; i++)
        {
            char c = s[i];
            if (c == '\n' || c == '\u2028' || c == '\u2029' || (c == '\r' && (i + 1 >= s.Length || s[i + 1] != '\n')))
            {
                line++;
                start = i + 1;
            }
        }
        return (line, offset - start + 1);
    }

    private static readonly Regex TokenLike = new(@"[A-Za-z_$0-9]+|\s+|.", RegexOptions.Compiled | RegexOptions.Singleline);

    private static string Mutate(string src, Random rng)
    {
        var toks = TokenLike.Matches(src).Select(m => m.Value).ToList();
        if (toks.Count < 2) return src + src;
        int n = 1 + rng.Next(3);
        for (int k = 0; k < n; k++)
        {
            int i = rng.Next(toks.Count);
            switch (rng.Next(4))
            {
                case 0: toks.RemoveAt(i); break;
                case 1: toks.Insert(i, toks[i]); break;
                case 2:
                {
                    int j = rng.Next(toks.Count);
                    (toks[i], toks[j]) = (toks[j], toks[i]);
                    break;
                }
                default:
                {
                    string[] junk = { "(", ")", "{", "}", "[", "]", "/", "`", "${", "'", "\"", "=>", "?.", "#x", "\\u", "async", "yield", "await", "let", "*", ";", "\n", "/*", "<!--", "-->" };
                    toks.Insert(i, junk[rng.Next(junk.Length)]);
                    break;
                }
            }
            if (toks.Count == 0) break;
        }
        return string.Concat(toks);
    }

    [Fact]
    public void Mutated_test262_sources_only_raise_SyntaxError()
    {
        var test262 = Test262Locator.Find();
        var rng = new Random(20241121);
        var corpus = new List<string>();
        if (test262 != null)
        {
            var files = Test262ParseRunner.EnumerateFiles(test262, p => p.StartsWith("test/language/", StringComparison.Ordinal)).ToList();
            for (int k = 0; k < 300 * Scale; k++) corpus.Add(File.ReadAllText(files[rng.Next(files.Count)]));
        }
        else
        {
            corpus.Add("class A extends B { #x = 1; static { this.#x; } async *m(a = 1, ...r) { yield* await a?.b ?? c; } }");
            corpus.Add("for await (const [a, {b = 2}] of xs) label: { break label; } x = /a(?<n>b)\\k<n>/v; `t${1}`");
        }
        int cases = 0;
        var failures = new List<string>();
        foreach (var src in corpus)
        {
            for (int m = 0; m < 10; m++)
            {
                var input = Mutate(src, rng);
                bool module = rng.Next(2) == 0;
                var f = ParseBounded(input, module);
                cases++;
                if (f != null) failures.Add($"{f}\n---\n{(input.Length > 400 ? input.Substring(0, 400) : input)}");
            }
        }
        _out.WriteLine($"{cases} mutated inputs, {failures.Count} failures");
        foreach (var x in failures.Take(3)) _out.WriteLine(x);
        Assert.True(cases >= 20);
        Assert.Empty(failures);
    }

    [Fact]
    public void Mutated_TypeScript_sources_only_raise_SyntaxError()
    {
        var rng = new Random(4242);
        var corpusDir = Path.Combine(Test262Locator.ProjectDir(), "ts-corpus");
        var corpus = Directory.GetFiles(corpusDir, "*.ts").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Assert.NotEmpty(corpus);
        var failures = new List<string>();
        int cases = 0;
        foreach (var src in corpus)
        {
            for (int m = 0; m < 150 * Scale; m++)
            {
                var input = Mutate(src, rng);
                cases++;
                var f = ParseBounded(input, module: true, typeScript: true);
                if (f == null)
                {
                    // The eraser must also either succeed or raise our SyntaxError.
                    try { TypeScript.TypeScriptEraser.Erase(input, "fuzz.ts"); }
                    catch (JsSyntaxException) { }
                    catch (Exception e) { f = $"eraser {e.GetType().Name}: {e.Message}"; }
                }
                if (f != null) failures.Add($"{f}\n---\n{(input.Length > 300 ? input.Substring(0, 300) : input)}");
            }
        }
        _out.WriteLine($"{cases} mutated TypeScript inputs, {failures.Count} failures");
        foreach (var x in failures.Take(5)) _out.WriteLine(x);
        Assert.Empty(failures);
    }

    [Fact]
    public void Long_flat_chains_do_not_overflow_any_walker()
    {
        // Big inputs on a loaded debug build: the bound is generous; the point is no overflow and no hang.
        var limit = TimeSpan.FromSeconds(60);
        string chain = string.Join("+", Enumerable.Repeat("a", 100000));
        string[] inputs =
        {
            $"import {{ a }} from './x.js'; const f = (p = {chain}) => p; let y: number = {chain};",
            $"enum E {{ A = {string.Join("+", Enumerable.Repeat("1", 100000))} }}",
            $"async (p = {chain}) => p;",
            "let big = 0x" + new string('f', 300000) + "n, n = 0b" + new string('1', 300000) + ";",
        };
        foreach (var input in inputs)
        {
            Assert.Null(ParseBounded(input, module: true, typeScript: true, limit));
            string? failure = null;
            var t = new Thread(() =>
            {
                try { TypeScript.TypeScriptEraser.Erase(input, "flat.ts"); }
                catch (JsSyntaxException) { }
                catch (Exception e) { failure = e.GetType().Name + ": " + e.Message; }
            }, 1024 * 1024);
            t.Start();
            Assert.True(t.Join(limit), "eraser timed out");
            Assert.Null(failure);
        }
    }

    [Fact]
    public void TypeScript_mode_parses_many_comparisons_and_deep_generic_arrow_bodies()
    {
        var comparisons = "const xs = [" + string.Join(", ", Enumerable.Repeat("a < b", 3000)) + "];";
        Parsing.Parser.Parse(comparisons, module: true, new ParserOptions { TypeScript = true });
        var body = new StringBuilder("const f = <T,>(x: T) => ");
        for (int i = 0; i < 150; i++) body.Append("[");
        body.Append('x');
        for (int i = 0; i < 150; i++) body.Append("]");
        Parsing.Parser.Parse(body.ToString() + ";", module: true, new ParserOptions { TypeScript = true });
        var deepArgs = new StringBuilder("f");
        for (int i = 0; i < 100; i++) deepArgs.Append("<Array");
        for (int i = 0; i < 100; i++) deepArgs.Append('>');
        Assert.Null(ParseBounded(deepArgs + "();", module: true, typeScript: true));
    }

    [Theory]
    [InlineData("let x: Array<", "> = 1", true)]
    [InlineData("let x = a <", "b", true)]
    [InlineData("let x: (", ") = 1", true)]
    [InlineData("type T = {a:", "}", true)]
    [InlineData("f<", ">()", true)]
    [InlineData("x = <T>", "y", true)]
    [InlineData("x = <T>(", ")", true)]
    [InlineData("x = (a) ? (", ") : c", true)]
    [InlineData("x = a as (", ")", true)]
    public void Deep_TypeScript_nesting_is_a_SyntaxError_not_a_crash(string open, string close, bool ts)
    {
        foreach (int depth in new[] { 20, 3000, 50000 })
        {
            var sb = new StringBuilder();
            for (int i = 0; i < depth; i++) sb.Append(open);
            sb.Append("number");
            for (int i = 0; i < depth; i++) sb.Append(close);
            var f = ParseBounded(sb.ToString(), module: true, typeScript: ts);
            Assert.Null(f);
        }
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("{", "}")]
    [InlineData("a=", "1")]
    [InlineData("-", "1")]
    [InlineData("!", "1")]
    [InlineData("new ", "a")]
    [InlineData("a?b:", "c")]
    [InlineData("if(1)", ";")]
    [InlineData("()=>", "1")]
    [InlineData("`${", "}`")]
    [InlineData("function f(){", "}")]
    [InlineData("[a=", "]=1")]
    [InlineData("/(", "/")]
    [InlineData("x**", "1")]
    [InlineData("x=/(", ")/u")]
    [InlineData("x=/[", "]/v")]
    [InlineData("class A extends (", "){}")]
    [InlineData("async()=>", "1")]
    public void Deep_nesting_is_a_SyntaxError_not_a_crash(string open, string close)
    {
        foreach (int depth in new[] { 50, 5000, 100000 })
        {
            var sb = new StringBuilder();
            for (int i = 0; i < depth; i++) sb.Append(open);
            sb.Append('1');
            for (int i = 0; i < depth; i++) sb.Append(close);
            var f = ParseBounded(sb.ToString(), module: false);
            Assert.Null(f);
        }
    }
}
