using System.Collections.Immutable;
using DualEngine.Abstractions.Ops;
using DualEngine.Generators.Ops;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DualEngine.Runtime.Tests.Generators;

/// <summary>Runs the op generator over a source text, as the compiler would, and reports what came out.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    /// <param name="GeneratedCodeWarnings">Compiler warnings located in generated files: generated code must be warning-free
    /// so projects with TreatWarningsAsErrors can use ops.</param>
    public sealed record Run(
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> CompilationErrors,
        ImmutableArray<Diagnostic> GeneratedCodeWarnings,
        string Generated);

    public static Run Generate(string source, bool allowUnsafe = true)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Ops.cs");
        var compilation = CSharpCompilation.Create(
            "GoldenOps",
            [tree],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: allowUnsafe, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new OpGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = string.Concat(driver.GetRunResult().GeneratedTrees.Select(t => t.GetText().ToString()));
        var all = output.GetDiagnostics();
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var generatedPaths = driver.GetRunResult().GeneratedTrees.Select(t => t.FilePath).ToHashSet();
        var warnings = all.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedPaths.Contains(tree.FilePath)).ToImmutableArray();
        return new Run(diagnostics, errors, warnings, generated);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The running framework's assemblies plus Abstractions: what a project using ops compiles against.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(OpAttribute).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
