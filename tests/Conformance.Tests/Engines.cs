namespace DualEngine.Conformance.Tests;

/// <summary>
/// The engines dualrt can run today. Asked of dualrt itself, never hard-coded: an engine counts once
/// `dualrt eval --engine X` runs code (the managed engine says "not available" until it can).
/// </summary>
internal static class Engines
{
    public static readonly string[] Known = ["v8", "managed"];

    private static readonly Lazy<IReadOnlyList<string>> s_available = new(() =>
        Known.Where(e =>
        {
            var r = ProcessRunner.Run(RepoPaths.Dualrt, ["eval", "--engine", e, "console.log(6 * 7)"], RepoPaths.Root, TimeSpan.FromSeconds(60));
            return r.ExitCode == 0 && r.Stdout.Trim() == "42";
        }).ToList());

    public static IReadOnlyList<string> Available => s_available.Value;
}
