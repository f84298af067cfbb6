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
}
