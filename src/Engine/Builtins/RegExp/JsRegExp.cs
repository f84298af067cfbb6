using System.Text.RegularExpressions;

namespace DualEngine.Engine.Builtins;

/// <summary>
/// A RegExp instance (§22.2.3.1): the source and flags plus a compiled .NET regex. JS patterns are
/// translated to .NET syntax by <see cref="RegExpTranslator"/> where the two differ.
/// </summary>
internal sealed class JsRegExp : JsObject
{
    // Mutable only for Annex B's RegExp.prototype.compile (B.2.4.1), which re-runs RegExpInitialize on an existing instance.
    public string Source { get; private set; }
    public string Flags { get; private set; }
    /// <summary>The compiled .NET regex, built on first use (see <see cref="Build"/>).</summary>
    public Regex Regex => _regex.Value;
    private Lazy<Regex> _regex;

    public JsRegExp(JsObject prototype, string source, string flags) : base(prototype)
    {
        _regex = Build(source, flags, out var translation);
        Translation = translation;
        Source = source;
        Flags = flags;
        FastSet("lastIndex", JsValue.Zero, PropertyFlags.Writable);
    }

    /// <summary>
    /// RegExpInitialize (§22.2.3.3) on this instance, for RegExp.prototype.compile: the flags and pattern are checked and
    /// compiled before anything changes (a SyntaxError leaves the old matcher), then the slots are replaced and
    /// Set(obj, "lastIndex", 0, true) runs last, so a non-writable lastIndex throws after the new pattern is in place.
    /// </summary>
    public void Reinitialize(string source, string flags)
    {
        var regex = Build(source, flags, out var translation);
        Source = source;
        Flags = flags;
        _regex = regex;
        Translation = translation;
        if (!Set("lastIndex", JsValue.Zero, JsValue.FromObject(this))) Throw.TypeError("Cannot assign to read only property 'lastIndex' of object");
    }

    /// <summary>The translated pattern: JS capture count and group names (the .NET groups are all unnamed, numbered as in JS).</summary>
    public TranslatedRegExp Translation { get; private set; } = null!;

    /// <summary>
    /// The flag check and pattern compilation of RegExpInitialize (§22.2.3.3 steps 3-10); errors are SyntaxErrors. The
    /// pattern goes through the same early-error checker as literals (§22.2.3.4 ParsePattern), then the translator.
    /// The .NET Regex is shared by source and flags (it is immutable and thread-safe), so a literal in a loop builds
    /// one. Without u/v it is built on first use: a checked non-Unicode pattern always translates to a valid .NET
    /// pattern, and building one costs about 0.15 ms (test262 evaluates 65536 literals it never runs). With u/v it is
    /// built at once, because .NET still rejects some valid property escapes and that must be a SyntaxError here.
    /// </summary>
    private static Lazy<Regex> Build(string source, string flags, out TranslatedRegExp translation)
    {
        var key = (source, flags);
        lock (Cache)
            if (Cache.TryGetValue(key, out var hit)) { translation = hit.Translation; return hit.Regex; }
        foreach (char f in flags)
            if ("dgimsuvy".IndexOf(f) < 0 || flags.IndexOf(f) != flags.LastIndexOf(f))
                Throw.SyntaxError($"Invalid flags supplied to RegExp constructor '{flags}'");
        if (DualEngine.Syntax.RegExpSyntax.Validate(source, flags) is string error) Throw.SyntaxError(error);
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i')) options |= RegexOptions.IgnoreCase;
        var t = translation = RegExpTranslator.Translate(source, flags);
        // PublicationOnly: a failed build is not cached (the exception would be shared by every later use).
        var regex = new Lazy<Regex>(() => Compile(source, flags, t.Pattern, options), LazyThreadSafetyMode.PublicationOnly);
        if (flags.Contains('u') || flags.Contains('v')) _ = regex.Value;
        lock (Cache)
        {
            if (Cache.Count >= 512) Cache.Clear();
            Cache[key] = (regex, translation);
        }
        return regex;
    }

    private static Regex Compile(string source, string flags, string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            Throw.SyntaxError($"Invalid regular expression: /{source}/{flags}: {e.Message}");
            throw;
        }
    }

    private static readonly Dictionary<(string, string), (Lazy<Regex> Regex, TranslatedRegExp Translation)> Cache = new();

    public override string ClassName => "RegExp";
    public bool Global => Flags.Contains('g');
    public bool Sticky => Flags.Contains('y');
}
