using System.Text;

namespace DualEngine.Runtime.Modules;

/// <summary>The percent-encode sets of the WHATWG URL Standard (§1.3 "Percent-encoded bytes").</summary>
internal enum PercentEncodeSet { C0Control, Fragment, Query, SpecialQuery, Path, Userinfo, PathSegmentLiteral }

internal static class PercentEncoding
{
    private static bool InSet(char c, PercentEncodeSet set)
    {
        if (c < 0x20 || c > 0x7E) return true;
        return set switch
        {
            PercentEncodeSet.C0Control => false,
            PercentEncodeSet.Fragment => c is ' ' or '"' or '<' or '>' or '`',
            PercentEncodeSet.Query => c is ' ' or '"' or '#' or '<' or '>',
            PercentEncodeSet.SpecialQuery => c is ' ' or '"' or '#' or '<' or '>' or '\'',
            PercentEncodeSet.Path => c is ' ' or '"' or '#' or '<' or '>' or '?' or '^' or '`' or '{' or '}',
            PercentEncodeSet.Userinfo => c is ' ' or '"' or '#' or '<' or '>' or '?' or '^' or '`' or '{' or '}'
                or '/' or ':' or ';' or '=' or '@' or '[' or '\\' or ']' or '|',
            // A file name turned into a URL segment: '%' is a literal character there, not an escape.
            PercentEncodeSet.PathSegmentLiteral => c is ' ' or '"' or '#' or '<' or '>' or '?' or '^' or '`' or '{' or '}'
                or '%' or '/' or '\\',
            _ => false,
        };
    }

    /// <summary>UTF-8 percent-encodes the characters of <paramref name="text"/> that are in <paramref name="set"/>; '%' is kept (already an escape) except in <see cref="PercentEncodeSet.PathSegmentLiteral"/>.</summary>
    public static string Encode(string text, PercentEncodeSet set)
    {
        var i = 0;
        while (i < text.Length && !InSet(text[i], set)) i++;
        if (i == text.Length) return text;

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, i);
        Span<byte> utf8 = stackalloc byte[4];
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!InSet(c, set))
            {
                builder.Append(c);
                continue;
            }
            // A lone surrogate is encoded as U+FFFD, as the URL parser's UTF-8 encode does.
            var rune = Rune.TryGetRuneAt(text, i, out var r) ? r : Rune.ReplacementChar;
            if (rune.Utf16SequenceLength == 2) i++;
            var count = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < count; b++) builder.Append('%').Append(utf8[b].ToString("X2"));
        }
        return builder.ToString();
    }

    /// <summary>Percent-decodes to bytes and reads them as UTF-8 (invalid sequences become U+FFFD).</summary>
    public static string Decode(string text)
    {
        if (!text.Contains('%')) return text;
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            var rune = Rune.TryGetRuneAt(text, i, out var r) ? r : Rune.ReplacementChar;
            if (rune.Utf16SequenceLength == 2) i++;
            var count = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < count; b++) bytes.Add(utf8[b]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
