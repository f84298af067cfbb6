using System.Globalization;
using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>
/// String.prototype.toUpperCase/toLowerCase (§22.1.3.30-31): the full Unicode case mappings. .NET's invariant
/// ToUpperInvariant/ToLowerInvariant apply only the one-to-one mappings; the one-to-many ones of SpecialCasing.txt
/// (ß → SS, İ → i̇, ﬁ → FI...) come from <see cref="SpecialCasing"/>, and Σ lowers to ς at the end of a word
/// (Final_Sigma, Unicode §3.13 Table 3-17).
/// </summary>
internal static class CaseMapping
{
    public static string ToUpper(string s)
    {
        int first = FirstSpecial(s, SpecialCasing.Upper, sigma: false);
        return first < 0 ? s.ToUpperInvariant() : Map(s, first, SpecialCasing.Upper, upper: true);
    }

    public static string ToLower(string s)
    {
        int first = FirstSpecial(s, SpecialCasing.Lower, sigma: true);
        return first < 0 ? s.ToLowerInvariant() : Map(s, first, SpecialCasing.Lower, upper: false);
    }

    /// <summary>The index of the first code point with a one-to-many mapping (or a capital sigma), or -1.</summary>
    private static int FirstSpecial(string s, Dictionary<int, string> table, bool sigma)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            // Every entry of both tables is at U+00DF or above; ASCII strings never get here past the loop test.
            if (c < 0xDF) continue;
            if (sigma && c == '\u03A3') return i;
            if (table.ContainsKey(CharStrings.CodePointAt(s, i))) return i;
        }
        return -1;
    }

    private static string Map(string s, int first, Dictionary<int, string> table, bool upper)
    {
        var sb = new StringBuilder(s.Length + 8);
        int run = 0;
        for (int i = first; i < s.Length; i++)
        {
            int cp = CharStrings.CodePointAt(s, i);
            bool pair = cp > 0xFFFF;
            string? mapped = table.TryGetValue(cp, out var m) ? m : !upper && cp == 0x03A3 ? (IsFinalSigma(s, i) ? "\u03C2" : "\u03C3") : null;
            if (mapped is null)
            {
                if (pair) i++;
                continue;
            }
            AppendRun(sb, s, run, i, upper);
            sb.Append(mapped);
            if (pair) i++;
            run = i + 1;
        }
        AppendRun(sb, s, run, s.Length, upper);
        return sb.ToString();
    }

    private static void AppendRun(StringBuilder sb, string s, int start, int end, bool upper)
    {
        if (end <= start) return;
        var part = s.Substring(start, end - start);
        sb.Append(upper ? part.ToUpperInvariant() : part.ToLowerInvariant());
    }

    /// <summary>
    /// Final_Sigma: the sigma at <paramref name="at"/> follows a cased letter (case-ignorable characters between) and no
    /// cased letter follows it (again skipping case-ignorable ones).
    /// </summary>
    private static bool IsFinalSigma(string s, int at)
    {
        bool casedBefore = false;
        for (int i = at - 1; i >= 0; i--)
        {
            int cp = CodePointEndingAt(s, i, out int start);
            i = start;
            if (IsCaseIgnorable(cp)) continue;
            casedBefore = IsCased(cp);
            break;
        }
        if (!casedBefore) return false;
        for (int i = at + 1; i < s.Length; i++)
        {
            int cp = CharStrings.CodePointAt(s, i);
            if (cp > 0xFFFF) i++;
            if (IsCaseIgnorable(cp)) continue;
            return !IsCased(cp);
        }
        return true;
    }

    private static int CodePointEndingAt(string s, int i, out int start)
    {
        if (char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]))
        {
            start = i - 1;
            return char.ConvertToUtf32(s[i - 1], s[i]);
        }
        start = i;
        return s[i];
    }

    /// <summary>
    /// Cased (Unicode §3.13 D135): General_Category Lu, Ll or Lt, or Other_Lowercase/Other_Uppercase, approximated here by
    /// any other letter, mark or symbol that has a case mapping (ª, ʰ, Ⓐ...).
    /// </summary>
    private static bool IsCased(int cp)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter) return true;
        if (category is not (UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.OtherSymbol or UnicodeCategory.NonSpacingMark)) return false;
        var text = char.ConvertFromUtf32(cp);
        return text.ToUpperInvariant() != text || text.ToLowerInvariant() != text || cp is 0xAA or 0xBA || (cp >= 0x2B0 && cp <= 0x2B8) || (cp >= 0x1D2C && cp <= 0x1D6A);
    }

    /// <summary>
    /// Case_Ignorable (Unicode §3.13 D136): General_Category Mn, Me, Cf, Lm or Sk, or Word_Break MidLetter, MidNumLet or
    /// Single_Quote.
    /// </summary>
    private static bool IsCaseIgnorable(int cp)
    {
        if (cp is 0x27 or 0x2E or 0x3A or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A)
            return true;
        return CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
    }
}
