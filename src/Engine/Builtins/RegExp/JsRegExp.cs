using System.Text;
using System.Text.RegularExpressions;

namespace DualEngine.Engine.Builtins;

/// <summary>
/// A RegExp instance (§22.2.3.1): the source and flags plus a compiled .NET regex. JS patterns are
/// translated to .NET syntax where they differ (\d \w classes are ASCII-only in JS, $ is end of input
/// without /m, [^] matches anything, . does not match line terminators).
/// </summary>
internal sealed class JsRegExp : JsObject
{
    // Mutable only for Annex B's RegExp.prototype.compile (B.2.4.1), which re-runs RegExpInitialize on an existing instance.
    public string Source { get; private set; }
    public string Flags { get; private set; }
    public Regex Regex { get; private set; }

    public JsRegExp(JsObject prototype, string source, string flags) : base(prototype)
    {
        Regex = Build(source, flags);
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
        var regex = Build(source, flags);
        Source = source;
        Flags = flags;
        Regex = regex;
        if (!Set("lastIndex", JsValue.Zero, JsValue.FromObject(this))) Throw.TypeError("Cannot assign to read only property 'lastIndex' of object");
    }

    /// <summary>The flag check and pattern compilation of RegExpInitialize (§22.2.3.3 steps 3-10); errors are SyntaxErrors.</summary>
    private static Regex Build(string source, string flags)
    {
        foreach (char f in flags)
            if ("dgimsuvy".IndexOf(f) < 0 || flags.IndexOf(f) != flags.LastIndexOf(f))
                Throw.SyntaxError($"Invalid flags supplied to RegExp constructor '{flags}'");
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i')) options |= RegexOptions.IgnoreCase;
        if (flags.Contains('m')) options |= RegexOptions.Multiline;
        try
        {
            return new Regex(Translate(source, flags.Contains('s'), flags.Contains('m')), options, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            Throw.SyntaxError($"Invalid regular expression: /{source}/{flags}: {e.Message}");
            throw;
        }
    }

    public override string ClassName => "RegExp";
    public bool Global => Flags.Contains('g');
    public bool Sticky => Flags.Contains('y');

    private static string Translate(string source, bool dotAll, bool multiline)
    {
        var sb = new StringBuilder(source.Length + 8);
        bool inClass = false;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '\\' && i + 1 < source.Length)
            {
                char n = source[++i];
                switch (n)
                {
                    case 'd': sb.Append(inClass ? "0-9" : "[0-9]"); break;
                    case 'D': sb.Append(inClass ? @"\D" : "[^0-9]"); break;
                    case 'w': sb.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"); break;
                    case 'W': sb.Append(inClass ? @"\W" : "[^a-zA-Z0-9_]"); break;
                    case 'u' when i + 1 < source.Length && source[i + 1] == '{':
                    {
                        int close = source.IndexOf('}', i);
                        var hex = source.Substring(i + 2, close - i - 2);
                        int cp = Convert.ToInt32(hex, 16);
                        foreach (char ch in char.ConvertFromUtf32(cp)) sb.Append(@"\u").Append(((int)ch).ToString("X4"));
                        i = close;
                        break;
                    }
                    case '/': sb.Append('/'); break;
                    case '-': sb.Append(@"\-"); break;
                    default: sb.Append('\\').Append(n); break;
                }
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                if (c == '[') { sb.Append(@"\["); continue; }
                sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    if (i + 2 < source.Length && source[i + 1] == '^' && source[i + 2] == ']') { sb.Append(@"[\s\S]"); i += 2; break; }
                    if (i + 1 < source.Length && source[i + 1] == ']') { sb.Append("(?!)"); i += 1; break; }
                    inClass = true;
                    sb.Append(c);
                    break;
                case '.': sb.Append(dotAll ? @"[\s\S]" : @"[^\n\r\u2028\u2029]"); break;
                case '$': sb.Append(multiline ? @"(?=[\n\r\u2028\u2029]|\z)" : @"\z"); break;
                case '(' when i + 2 < source.Length && source[i + 1] == '?' && source[i + 2] == '<' && i + 3 < source.Length && source[i + 3] != '=' && source[i + 3] != '!':
                    sb.Append("(?<");
                    i += 2;
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
