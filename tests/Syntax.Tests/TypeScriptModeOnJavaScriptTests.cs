using DualEngine.Syntax.Parsing;
using Xunit.Abstractions;

namespace DualEngine.Syntax.Tests;

/// <summary>
/// TypeScript mode must be robust on plain JavaScript: every test262 language file parses in TS
/// mode without any exception other than our SyntaxError, and (almost) all valid modules still parse.
/// </summary>
public sealed class TypeScriptModeOnJavaScriptTests
{
    private readonly ITestOutputHelper _out;
    public TypeScriptModeOnJavaScriptTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Test262_language_files_never_crash_the_TypeScript_mode()
    {
        var test262 = Test262Locator.Find();
        if (test262 == null)
        {
            _out.WriteLine("SKIPPED: shared/test262 not found.");
            Assert.Null(test262);
            return;
        }
        int total = 0, validModules = 0, rejectedValidModules = 0;
        var crashes = new System.Collections.Concurrent.ConcurrentBag<string>();
        var rejected = new System.Collections.Concurrent.ConcurrentBag<string>();
        var files = Test262ParseRunner.EnumerateFiles(test262, p => p.StartsWith("test/language/", StringComparison.Ordinal)).ToList();
        Parallel.ForEach(files, file =>
        {
            var tc = Test262Case.Load(test262, file);
            Interlocked.Increment(ref total);
            try
            {
                Parser.Parse(tc.Source, module: true, new ParserOptions { TypeScript = true });
            }
            catch (JsSyntaxException e)
            {
                if (tc.Module && !tc.NegativeParse && !tc.Features.Any(Test262ParseRunner.UnsupportedFeatures.Contains))
                {
                    Interlocked.Increment(ref rejectedValidModules);
                    rejected.Add(tc.RelativePath + ": " + e.Description);
                }
            }
            catch (Exception e)
            {
                crashes.Add($"{tc.RelativePath}: {e.GetType().Name}: {e.Message}");
            }
            if (tc.Module && !tc.NegativeParse) Interlocked.Increment(ref validModules);
        });
        _out.WriteLine($"{total} files in TS mode; {rejectedValidModules}/{validModules} valid modules rejected");
        foreach (var r in rejected.OrderBy(x => x).Take(40)) _out.WriteLine("REJECTED " + r);
        foreach (var c in crashes.Take(20)) _out.WriteLine("CRASH " + c);
        Assert.Empty(crashes);
        Assert.True(rejectedValidModules <= validModules / 100, $"{rejectedValidModules} valid modules rejected in TypeScript mode");
    }
}
