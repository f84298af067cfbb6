using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Extensions;

/// <summary>
/// A bundle of ops, JS sources and state (deno_core's <c>extension!</c>): the unit the runtime is built from.
/// Users add their own with <see cref="RuntimeOptions.Extensions"/>.
/// </summary>
public sealed class Extension
{
    /// <summary>Unique name, e.g. "console".</summary>
    public required string Name { get; init; }

    /// <summary>Extensions that must load first, in order.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    public IReadOnlyList<OpDescriptor> Ops { get; init; } = [];

    /// <summary>JS sources evaluated in order as classic scripts at bootstrap (after all dependencies' sources).</summary>
    public IReadOnlyList<JsSource> Sources { get; init; } = [];

    /// <summary>Puts the extension's state into the realm's <see cref="OpState"/> before any JS runs.</summary>
    public Action<OpState>? InitializeState { get; init; }

    public override string ToString() => Name;
}

/// <summary>A runtime JS file: its name as shown in stack traces (e.g. "ext:console/01_console.js") and its text.</summary>
public sealed record JsSource(string Name, string Text)
{
    /// <summary>Reads a file embedded in an assembly under "js/..." (see Runtime.csproj).</summary>
    public static JsSource Embedded(string extension, string fileName, System.Reflection.Assembly? assembly = null)
    {
        assembly ??= typeof(JsSource).Assembly;
        using var stream = assembly.GetManifestResourceStream("js/" + fileName)
            ?? throw new InvalidOperationException($"embedded JS source js/{fileName} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return new JsSource($"ext:{extension}/{fileName}", reader.ReadToEnd());
    }
}
