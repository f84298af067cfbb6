namespace DualEngine.Conformance.Tests;

/// <summary>
/// One program of conformance/ and its expectations (conformance/README.md): x.out (stdout),
/// x.err (stderr, absent = empty), x.code (exit code, absent = 0), x.args (arguments, one per line),
/// x.flags (runtime flags such as --allow-read=., one per line; absent = -A).
/// </summary>
internal sealed record ConformanceProgram(string RelativePath)
{
    public string FullPath => Path.Combine(RepoPaths.Conformance, RelativePath);
    private string Base => Path.ChangeExtension(FullPath, null);

    public string ExpectedStdout => ReadOrEmpty(Base + ".out");
    public string ExpectedStderr => ReadOrEmpty(Base + ".err");
    public int ExpectedExitCode => File.Exists(Base + ".code") ? int.Parse(File.ReadAllText(Base + ".code").Trim()) : 0;
    public bool HasExpectations => File.Exists(Base + ".out");

    /// <summary>Runtime flags before the program (x.flags, one per line; absent = "-A", as Deno's expectations are made).</summary>
    public IReadOnlyList<string> Flags =>
        File.Exists(Base + ".flags") ? File.ReadAllLines(Base + ".flags").Where(l => l.Length > 0).ToArray() : ["-A"];

    public IReadOnlyList<string> Arguments =>
        File.Exists(Base + ".args") ? File.ReadAllLines(Base + ".args").Where(l => l.Length > 0).ToArray() : [];

    /// <summary>Program extensions; .ts/.mts run once dualrt erases TypeScript (until then, add none).</summary>
    private static readonly string[] Extensions = [".js", ".mjs", ".ts", ".mts"];

    /// <summary>Every .js/.mjs/.ts/.mts file outside folders named lib and the git-ignored .deno install, as regenerate.sh finds them.</summary>
    public static IReadOnlyList<ConformanceProgram> All() =>
        Directory.EnumerateFiles(RepoPaths.Conformance, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Select(f => Path.GetRelativePath(RepoPaths.Conformance, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith(".deno/", StringComparison.Ordinal) && !p.Split('/').SkipLast(1).Contains("lib"))
            .Order(StringComparer.Ordinal)
            .Select(p => new ConformanceProgram(p))
            .ToList();

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    public override string ToString() => RelativePath;
}
