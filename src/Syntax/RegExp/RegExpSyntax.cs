namespace DualEngine.Syntax;

/// <summary>
/// Public entry to the regular expression early-error checker, for the `RegExp` constructor
/// (§22.2.3.1 RegExpInitialize throws a SyntaxError for the same patterns a literal rejects).
/// </summary>
public static class RegExpSyntax
{
    /// <summary>Returns null when <paramref name="pattern"/>/<paramref name="flags"/> are valid, else a message.</summary>
    public static string? Validate(string pattern, string flags)
    {
        try
        {
            RegExpValidator.Validate(pattern, flags, (_, msg) => new FormatException($"Invalid regular expression: /{pattern}/{flags}: {msg}"));
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
