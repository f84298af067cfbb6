namespace DualEngine.Engine.Values;

/// <summary>
/// One-code-unit strings (<c>s[i]</c>, charAt, split(''), fromCharCode): the Latin-1 ones are shared instead of
/// allocated on every access.
/// </summary>
internal static class CharStrings
{
    private static readonly string[] Latin1 = Create();

    private static string[] Create()
    {
        var table = new string[256];
        for (int i = 0; i < table.Length; i++) table[i] = ((char)i).ToString();
        return table;
    }

    public static string Get(char c) => c < 256 ? Latin1[c] : c.ToString();

    /// <summary>
    /// CodePointAt (§11.1.4): the code point starting at index <paramref name="i"/>, a surrogate pair read as one; a lone
    /// surrogate is its own code unit. A result above U+FFFF spans two code units.
    /// </summary>
    public static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];
}
