namespace DualEngine.Runtime.Permissions;

/// <summary>
/// Parses Deno's permission flags into <see cref="PermissionOptions"/>:
/// <c>-A/--allow-all</c>, <c>--allow-KIND[=v1,v2]</c>, <c>--deny-KIND[=v1,v2]</c>, <c>--no-prompt</c> and the
/// short forms <c>-R -W -N -E -S -I</c> (read, write, net, env, sys, import; also with <c>=list</c>).
/// Values follow an "=" and are comma-separated, as Deno's flags require. Errors are
/// <see cref="FormatException"/>s whose message names the flag and what is wrong with it.
/// </summary>
public static class PermissionFlags
{
    private static readonly Dictionary<string, PermissionKind> ShortForms = new()
    {
        ["-R"] = PermissionKind.Read,
        ["-W"] = PermissionKind.Write,
        ["-N"] = PermissionKind.Net,
        ["-E"] = PermissionKind.Env,
        ["-S"] = PermissionKind.Sys,
        ["-I"] = PermissionKind.Import,
    };

    /// <summary>True for tokens this parser owns, so a CLI can route them here and the rest elsewhere.</summary>
    public static bool IsPermissionFlag(string token)
    {
        var name = SplitValue(token).Flag;
        return name is "-A" or "--allow-all" or "--no-prompt"
            || ShortForms.ContainsKey(name)
            || name.StartsWith("--allow-", StringComparison.Ordinal)
            || name.StartsWith("--deny-", StringComparison.Ordinal);
    }

    /// <summary>Parses argv tokens; every token must be a permission flag (see <see cref="IsPermissionFlag"/>).</summary>
    public static PermissionOptions Parse(IEnumerable<string> tokens)
    {
        var options = new PermissionOptions();
        foreach (var token in tokens)
        {
            var (flag, value) = SplitValue(token);
            Apply(options, flag, value);
        }
        return options;
    }

    /// <summary>
    /// Applies one flag to <paramref name="options"/>: for a CLI parser (System.CommandLine) that has already
    /// split the flag name from its value. <paramref name="value"/> is null when no "=" was given.
    /// </summary>
    public static void Apply(PermissionOptions options, string flag, string? value)
    {
        switch (flag)
        {
            case "-A" or "--allow-all":
                NoValue(flag, value);
                options.AllowAll = true;
                return;
            case "--no-prompt":
                NoValue(flag, value);
                options.Prompt = false;
                return;
            case "--allow-hrtime" or "--deny-hrtime":
                throw new FormatException($"{flag} was removed in Deno 2: high-resolution time needs no permission");
        }

        if (ShortForms.TryGetValue(flag, out var shortKind))
        {
            options.Allow(shortKind, Values(flag, shortKind, value));
            return;
        }

        var (verb, name) = flag.StartsWith("--allow-", StringComparison.Ordinal) ? ("allow", flag["--allow-".Length..])
            : flag.StartsWith("--deny-", StringComparison.Ordinal) ? ("deny", flag["--deny-".Length..])
            : throw new FormatException($"'{flag}' is not a permission flag");
        if (!PermissionKinds.TryParse(name, out var kind))
        {
            var known = string.Join(", ", PermissionKinds.All.Select(k => k.Name()));
            throw new FormatException($"unknown permission '{name}' in {flag} (expected one of: {known}, or --allow-all)");
        }
        var values = Values(flag, kind, value);
        if (verb == "allow") options.Allow(kind, values);
        else options.Deny(kind, values);
    }

    private static (string Flag, string? Value) SplitValue(string token)
    {
        var equals = token.IndexOf('=');
        return equals < 0 ? (token, null) : (token[..equals], token[(equals + 1)..]);
    }

    private static void NoValue(string flag, string? value)
    {
        if (value is not null) throw new FormatException($"{flag} takes no value (got '{value}')");
    }

    /// <summary>Splits and checks a flag's list. Path and program values are checked when the container resolves them.</summary>
    private static string[] Values(string flag, PermissionKind kind, string? value)
    {
        if (value is null) return [];
        if (value.Length == 0) throw new FormatException($"{flag}= needs a value: give a list after '=' or drop the '=' to cover all {kind.Name()} access");
        var values = value.Split(',');
        foreach (var item in values)
        {
            if (item.Length == 0) throw new FormatException($"{flag}={value} has an empty entry");
            if (kind is PermissionKind.Net or PermissionKind.Import or PermissionKind.Env or PermissionKind.Sys)
            {
                try
                {
                    PermissionContainer.Parse(kind, item, Environment.CurrentDirectory);
                }
                catch (FormatException e)
                {
                    throw new FormatException($"{flag}: {e.Message}", e);
                }
            }
        }
        return values;
    }
}
