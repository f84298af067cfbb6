using System.Reflection;

namespace DualEngine.Conformance.Tests;

/// <summary>Where the repository, conformance/, the built dualrt and the built test262 runner are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Conformance => Path.Combine(Root, "conformance");

    /// <summary>The configuration this test assembly was built in (dualrt and the test262 runner are built in the same one).</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Release";

    /// <summary>The dualrt under test: the solution's build, or the binary named by $DUALRT_BIN (e.g. the NativeAOT
    /// artifacts/dualrt/dualrt that ./dualrt publishes, to hold it to the same suite).</summary>
    public static string Dualrt => Environment.GetEnvironmentVariable("DUALRT_BIN") is { Length: > 0 } bin
        ? Path.GetFullPath(bin)
        : Path.Combine(Root, "src", "Cli", "bin", Configuration, "net10.0", "dualrt");

    public static string Test262Runner => Path.Combine(Root, "tools", "Test262", "bin", Configuration, "net10.0", "DualEngine.Test262.dll");

    /// <summary>The dotnet host that runs the test262 runner's dll: the SDK's when it says which, else "dotnet" from PATH.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DualEngine.sln"))) return dir.FullName;
        throw new InvalidOperationException("DualEngine.sln not found above the test assembly");
    }
}
