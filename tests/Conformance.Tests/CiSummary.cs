namespace DualEngine.Conformance.Tests;

/// <summary>
/// Short per-engine reports for CI's output: test.sh prints the files in artifacts/ci/ after the tests
/// (dotnet test shows only counts), so a CI log says how each engine did on conformance/ and test262.
/// </summary>
internal static class CiSummary
{
    private static string Folder => Path.Combine(RepoPaths.Root, "artifacts", "ci");

    public static void Write(string name, string text)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, name), text);
    }

    /// <summary>conformance/: per engine, programs matching Deno's output, known failures, and the rest.</summary>
    public static string Conformance(IReadOnlyList<string> engines, IReadOnlyList<ConformanceProgram> programs, Func<string, string, ProcessResult> result)
    {
        var text = new System.Text.StringBuilder($"conformance/: {programs.Count} programs\n");
        text.Append("| engine | as Deno | known failures | other failures |\n|---|---:|---:|---:|\n");
        foreach (var engine in engines)
        {
            int same = 0, known = 0, other = 0;
            foreach (var program in programs)
            {
                var r = result(engine, program.RelativePath);
                bool matches = !r.TimedOut && r.ExitCode == program.ExpectedExitCode && r.Stdout == program.ExpectedStdout && r.Stderr == program.ExpectedStderr;
                if (matches) same++;
                else if (KnownFailures.For(engine).ContainsKey(program.RelativePath)) known++;
                else other++;
            }
            text.Append($"| {engine} | {same} | {known} | {other} |\n");
        }
        return text.ToString();
    }
}
