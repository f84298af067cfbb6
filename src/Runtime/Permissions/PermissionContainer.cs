using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions.Descriptors;

namespace DualEngine.Runtime.Permissions;

/// <summary>
/// The permissions of one runtime (Deno's PermissionsContainer): built from <see cref="PermissionOptions"/>,
/// checked by every op that reaches outside, and queried, requested and revoked by <c>Deno.permissions</c>.
/// Values are strings as ops and JS descriptors carry them: a path for read/write/ffi, "host[:port]" for
/// net/import, a variable name for env, a kind for sys, a program for run. A null value means the whole
/// kind (e.g. <c>Deno.env.toObject()</c> checks env without a name). Thread-safe.
/// </summary>
public sealed class PermissionContainer
{
    /// <summary>
    /// Hosts remote imports may load from when no --allow-import flag is given: Deno 2's default list
    /// of well-known module hosts.
    /// </summary>
    public static IReadOnlyList<string> DefaultImportHosts { get; } =
    [
        "deno.land:443", "jsr.io:443", "esm.sh:443", "cdn.jsdelivr.net:443",
        "raw.githubusercontent.com:443", "gist.githubusercontent.com:443",
    ];

    private readonly Dictionary<PermissionKind, PermissionSet> _sets = new();
    private readonly IPermissionPrompter? _prompter;
    private readonly Func<string> _currentDirectory;
    private readonly object _gate = new();

    /// <param name="prompter">Asks the user about what the flags leave open; null (or --no-prompt) denies instead.
    /// Pass <see cref="ConsolePermissionPrompter.CreateIfTerminal"/> for Deno's behaviour.</param>
    /// <param name="currentDirectory">Resolves relative paths (now for the flags, at each call for requests); defaults to the process's.</param>
    /// <exception cref="FormatException">A flag value is malformed (the message names the flag and the value).</exception>
    public PermissionContainer(PermissionOptions options, IPermissionPrompter? prompter = null, Func<string>? currentDirectory = null)
    {
        _currentDirectory = currentDirectory ?? (() => Environment.CurrentDirectory);
        _prompter = options.Prompt ? prompter : null;
        foreach (var kind in PermissionKinds.All)
        {
            var set = new PermissionSet(kind, checksRejectPartial: kind is PermissionKind.Read or PermissionKind.Write or PermissionKind.Ffi);
            if (options.AllowAll) set.Grant(null);
            if (options.Allowed.TryGetValue(kind, out var allowed)) AddScopes(set, kind, "allow", allowed, set.Grant);
            else if (kind == PermissionKind.Import && !options.AllowAll) AddScopes(set, kind, "allow", DefaultImportHosts, set.Grant);
            if (options.Denied.TryGetValue(kind, out var denied)) AddScopes(set, kind, "deny", denied, set.DenyByFlag);
            _sets[kind] = set;
        }
    }

    /// <summary>A container that grants everything and never prompts (-A), for embedders and tests.</summary>
    public static PermissionContainer AllowAll() => new(new PermissionOptions { AllowAll = true, Prompt = false });

    /// <summary>
    /// Throws <see cref="OpError"/> "NotCapable" unless <paramref name="value"/> is granted (prompting first
    /// when a prompter is set and the state is "prompt"). The message is Deno 2's:
    /// <c>Requires read access to "/etc/hostname", run again with the --allow-read flag</c>.
    /// </summary>
    /// <param name="apiName">The JS API being served, e.g. "Deno.readTextFile()", shown in the prompt.</param>
    public void Check(PermissionKind kind, string? value, string apiName)
    {
        var set = _sets[kind];
        lock (_gate)
        {
            if (set.IsFullyGranted) return;
            var request = ParseOptional(kind, value);
            var status = set.Query(request, partialIsDenied: set.ChecksRejectPartial);
            if (status.State == PermissionState.Granted) return;
            if (status.State == PermissionState.Prompt && _prompter is not null)
            {
                switch (_prompter.Prompt(new PermissionPromptRequest(kind, Access(kind, request), apiName)))
                {
                    case PromptResponse.Allow:
                        set.Grant(request);
                        return;
                    case PromptResponse.AllowAll:
                        set.Grant(null);
                        return;
                    default:
                        set.DenyByPrompt(request);
                        break;
                }
            }
            else if (status.State == PermissionState.Prompt)
            {
                // No one to ask: Deno remembers the refusal, so later queries of this scope (or of one
                // containing it) report "denied" rather than "prompt".
                set.DenyByPrompt(request);
            }
            throw NotCapable(kind, request);
        }
    }

    /// <summary>Deno.permissions.query: the state, without prompting.</summary>
    public PermissionStatus Query(PermissionKind kind, string? value)
    {
        lock (_gate) return _sets[kind].Query(ParseOptional(kind, value), partialIsDenied: false);
    }

    /// <summary>Deno.permissions.request: prompts when the state is "prompt" and a prompter is set; without one a
    /// "prompt" state is refused and remembered, as Deno does.</summary>
    public PermissionStatus Request(PermissionKind kind, string? value)
    {
        var set = _sets[kind];
        lock (_gate)
        {
            var request = ParseOptional(kind, value);
            var status = set.Query(request, partialIsDenied: false);
            if (status.State != PermissionState.Prompt) return status;
            if (_prompter is null)
            {
                set.DenyByPrompt(request);  // as Deno: the refusal is remembered (query then says "denied")
                return new PermissionStatus(PermissionState.Denied);
            }
            switch (_prompter.Prompt(new PermissionPromptRequest(kind, Access(kind, request), "Deno.permissions.request()")))
            {
                case PromptResponse.Allow:
                    set.Grant(request);
                    break;
                case PromptResponse.AllowAll:
                    set.Grant(null);
                    break;
                default:
                    set.DenyByPrompt(request);
                    break;
            }
            return set.Query(request, partialIsDenied: false);
        }
    }

    /// <summary>Deno.permissions.revoke: withdraws a grant and reports the new state.</summary>
    public PermissionStatus Revoke(PermissionKind kind, string? value)
    {
        lock (_gate) return _sets[kind].Revoke(ParseOptional(kind, value));
    }

    /// <summary>A request's value as a descriptor; a malformed one is the caller's TypeError, as in Deno.</summary>
    private PermissionDescriptor? ParseOptional(PermissionKind kind, string? value)
    {
        if (value is null) return null;
        try
        {
            return Parse(kind, value, _currentDirectory());
        }
        catch (FormatException e)
        {
            throw OpError.TypeError(e.Message);
        }
    }

    internal static PermissionDescriptor Parse(PermissionKind kind, string value, string currentDirectory) => kind switch
    {
        PermissionKind.Read or PermissionKind.Write or PermissionKind.Ffi => PathDescriptor.Parse(value, currentDirectory),
        PermissionKind.Net or PermissionKind.Import => NetDescriptor.Parse(value),
        PermissionKind.Env => EnvDescriptor.Parse(value),
        PermissionKind.Sys => SysDescriptor.Parse(value),
        PermissionKind.Run => RunDescriptor.Parse(value, currentDirectory),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private void AddScopes(PermissionSet set, PermissionKind kind, string verb, IEnumerable<string> values, Action<PermissionDescriptor?> add)
    {
        var any = false;
        foreach (var value in values)
        {
            any = true;
            try
            {
                add(Parse(kind, value, _currentDirectory()));
            }
            catch (FormatException e)
            {
                throw new FormatException($"--{verb}-{kind.Name()}: {e.Message}", e);
            }
        }
        if (!any) add(null);
    }

    /// <summary>"read access to \"/etc/hostname\"" or "read access"; values in angle brackets (e.g. "&lt;CWD&gt;") stay unquoted, as in Deno.</summary>
    private static string Access(PermissionKind kind, PermissionDescriptor? request)
    {
        if (request is null) return $"{kind.Name()} access";
        var display = request.Display;
        var shown = display.StartsWith('<') && display.EndsWith('>') ? display : $"\"{display}\"";
        return $"{kind.Name()} access to {shown}";
    }

    private static OpError NotCapable(PermissionKind kind, PermissionDescriptor? request) =>
        new("NotCapable", $"Requires {Access(kind, request)}, run again with the --allow-{kind.Name()} flag");
}
