namespace DualEngine.Test262.Model;

/// <summary>How a test file is run (INTERPRETING.md "Strict Mode" and "flags").</summary>
public enum RunMode
{
    /// <summary>As written, with no "use strict" prologue.</summary>
    Sloppy,
    /// <summary>With a "use strict" directive prepended.</summary>
    Strict,
    /// <summary>As an ES module (flags: module); module code is always strict.</summary>
    Module,
    /// <summary>Exactly the file's text, without any harness (flags: raw).</summary>
    Raw,
}

/// <summary>A negative test's expectation (INTERPRETING.md "negative").</summary>
/// <param name="Phase">"parse", "resolution" or "runtime".</param>
/// <param name="Type">The constructor name of the error expected, e.g. "SyntaxError".</param>
public sealed record NegativeExpectation(string Phase, string Type);

/// <summary>One test262 test file and the parts of its YAML frontmatter the runner honours.</summary>
public sealed class TestFile
{
    /// <summary>Path relative to the test262 root with forward slashes, e.g. "test/built-ins/Array/isArray/proxy.js".</summary>
    public required string RelativePath { get; init; }
    public required string FullPath { get; init; }
    public required string Source { get; init; }
    public IReadOnlyList<string> Includes { get; init; } = [];
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();
    public IReadOnlyList<string> Features { get; init; } = [];
    public NegativeExpectation? Negative { get; init; }

    public bool IsAsync => Flags.Contains("async");
    public bool IsModule => Flags.Contains("module");

    /// <summary>The modes INTERPRETING.md requires: both strict and sloppy unless a flag narrows it.</summary>
    public IReadOnlyList<RunMode> Modes()
    {
        if (Flags.Contains("raw")) return [RunMode.Raw];
        if (IsModule) return [RunMode.Module];
        if (Flags.Contains("onlyStrict")) return [RunMode.Strict];
        if (Flags.Contains("noStrict")) return [RunMode.Sloppy];
        return [RunMode.Sloppy, RunMode.Strict];
    }

    public static TestFile Load(string root, string relativePath)
    {
        string full = Path.Combine(root, relativePath);
        string source = File.ReadAllText(full);
        var meta = Frontmatter.Parse(source);
        return new TestFile
        {
            RelativePath = relativePath,
            FullPath = full,
            Source = source,
            Includes = meta.List("includes"),
            Flags = meta.List("flags").ToHashSet(StringComparer.Ordinal),
            Features = meta.List("features"),
            Negative = meta.Scalar("negative.phase") is { } phase
                ? new NegativeExpectation(phase, meta.Scalar("negative.type") ?? "")
                : null,
        };
    }
}
