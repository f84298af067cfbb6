using System.Text.Json;
using DualEngine.Syntax.TypeScript;
using Xunit.Abstractions;

namespace DualEngine.Syntax.Tests;

/// <summary>
/// Erasure checks: (1) positions of remaining code are unchanged, (2) for the programs in
/// ts-corpus/, node-run output of our erased JS equals node-run output of `ts.transpileModule`
/// (the real compiler, installed into ts-oracle/node_modules on demand).
/// </summary>
public sealed class TypeScriptEraserTests
{
    private readonly ITestOutputHelper _out;
    public TypeScriptEraserTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Types_are_replaced_by_spaces_keeping_columns()
    {
        var src = "let a: number = 1;\nfunction f<T>(x: T, y?: string): T { return x!; }\nconst b = a as number;";
        var js = TypeScriptEraser.Erase(src, "t.ts");
        Assert.Equal(src.Length, js.Length);
        Assert.Equal("let a         = 1;", js.Split('\n')[0]);
        Assert.Equal(src.IndexOf("return", StringComparison.Ordinal), js.IndexOf("return", StringComparison.Ordinal));
        Assert.DoesNotContain(":", js);
        Assert.DoesNotContain(" as ", js);
        Parsing.Parser.ParseModule(js);
    }

    [Fact]
    public void Interfaces_types_and_declares_disappear()
    {
        var js = TypeScriptEraser.Erase("interface I { a: number }\ntype T = I | null;\ndeclare const x: T;\nexport type { I };\nexport const y = 1;", "t.ts");
        Assert.Equal(5, js.Split('\n').Length);
        Assert.Equal("export const y = 1;", js.Split('\n')[4]);
        Assert.Equal("", js.Replace("export const y = 1;", "").Trim());
    }

    [Fact]
    public void Syntax_errors_have_positions()
    {
        var e = Assert.Throws<JsSyntaxException>(() => TypeScriptEraser.Erase("let x: = 1;", "bad.ts"));
        Assert.Equal("bad.ts", e.FileName);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void TypeScript_lib_declaration_files_parse()
    {
        var unavailable = NodeTools.Unavailable();
        if (unavailable != null)
        {
            _out.WriteLine("SKIPPED (TypeScript lib files): " + unavailable);
            Assert.NotNull(unavailable);
            return;
        }
        var lib = Path.Combine(NodeTools.OracleDir, "node_modules", "typescript", "lib");
        var files = Directory.GetFiles(lib, "*.d.ts").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 50);
        var failures = new List<string>();
        foreach (var f in files)
        {
            var src = File.ReadAllText(f);
            try
            {
                var js = TypeScriptEraser.Erase(src, Path.GetFileName(f));
                if (js.Split('\n').Length != src.Split('\n').Length) failures.Add($"{Path.GetFileName(f)}: line count changed");
            }
            catch (JsSyntaxException e) { failures.Add(e.Message); }
        }
        foreach (var x in failures.Take(30)) _out.WriteLine(x);
        Assert.Empty(failures);
    }

    [Fact]
    public void Corpus_runs_like_the_TypeScript_compiler_output()
    {
        var unavailable = NodeTools.Unavailable();
        if (unavailable != null)
        {
            _out.WriteLine("SKIPPED (comparison with ts.transpileModule): " + unavailable);
            Assert.NotNull(unavailable);
            return;
        }
        var node = NodeTools.FindNode()!;
        var corpus = Path.Combine(Test262Locator.ProjectDir(), "ts-corpus");
        var work = Path.Combine(Path.GetTempPath(), "dualengine-ts-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var files = Directory.GetFiles(corpus, "*.ts").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var f in files)
        {
            var name = Path.GetFileNameWithoutExtension(f);
            var src = File.ReadAllText(f);
            File.WriteAllText(Path.Combine(work, name + ".ts"), src);
            File.WriteAllText(Path.Combine(work, name + ".ours.js"), TypeScriptEraser.Erase(src, name + ".ts"));
        }
        var (code, output) = NodeTools.Run(node, $"ts-compare.mjs \"{work}\"", NodeTools.OracleDir, TimeSpan.FromMinutes(3));
        try { Directory.Delete(work, true); } catch (IOException) { }
        _out.WriteLine(output);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var failures = new List<string>();
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            var file = r.GetProperty("file").GetString();
            if (!r.GetProperty("same").GetBoolean()) failures.Add($"{file}: output differs from tsc");
            if (!r.GetProperty("linesPreserved").GetBoolean()) failures.Add($"{file}: line count changed");
            if (r.GetProperty("tscExit").GetInt32() != 0) failures.Add($"{file}: tsc output itself failed");
        }
        Assert.Empty(failures);
    }
}
