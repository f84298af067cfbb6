using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax;

/// <summary>Early errors for RegularExpressionLiteral (§13.2.7.2, §22.2.1). Placeholder until the full validator lands.</summary>
internal static class RegExpValidator
{
    public static void Validate(string pattern, string flags, int offset, Lexer lexer)
    {
        foreach (char c in flags)
            if ("dgimsuyv".IndexOf(c) < 0) throw lexer.Error(offset, $"Invalid regular expression flags '{flags}'");
    }
}
