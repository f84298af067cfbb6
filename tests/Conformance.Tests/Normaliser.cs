using System.Text.RegularExpressions;

namespace DualEngine.Conformance.Tests;

/// <summary>
/// The normalisation regenerate.sh applies to Deno's output, applied to dualrt's: conformance/'s
/// absolute path becomes &lt;root&gt;, and stack frames in a runtime's own JS (ext:...) are dropped.
/// </summary>
internal static partial class Normaliser
{
    public static string Apply(string text)
    {
        string root = RepoPaths.Conformance.TrimEnd('/') + "/";
        text = text.Replace("file://" + root, "file:///<root>/", StringComparison.Ordinal)
                   .Replace(root, "/<root>/", StringComparison.Ordinal);
        return InternalFrame().Replace(text, "");
    }

    [GeneratedRegex(@"^ *at (?:.*\(ext:[^)]*\)|ext:.*)\n", RegexOptions.Multiline)]
    private static partial Regex InternalFrame();
}
