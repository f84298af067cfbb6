using System.Text.RegularExpressions;

namespace DualEngine.Backends.V8.Modules;

/// <summary>
/// V8 10.2 parses import assertions (`assert { type: "json" }`) but not import attributes
/// (`with { type: "json" }`, ES2025). Deno accepts both, so before V8 compiles a module the attribute
/// spelling is rewritten to the assertion spelling. Attributes end an import, so only what follows them
/// on that line moves (two columns).
/// TODO(syntax): rewrite from the Syntax tokenizer instead of patterns, so strings and comments that
/// merely look like imports are never touched.
/// </summary>
internal static partial class ImportAttributes
{
    public static string AsAssertions(string source)
    {
        if (!source.Contains("with", StringComparison.Ordinal)) return source;
        source = StaticImportWith().Replace(source, "$1assert$2");
        return DynamicImportWith().Replace(source, "$1assert$2");
    }

    [GeneratedRegex("""((?:\bfrom|\bimport)\s*(?:"[^"\n]*"|'[^'\n]*')\s*)with(\s*\{)""")]
    private static partial Regex StaticImportWith();

    [GeneratedRegex("""(\bimport\s*\(\s*(?:"[^"\n]*"|'[^'\n]*')\s*,\s*\{\s*)with(\s*:)""")]
    private static partial Regex DynamicImportWith();
}
