using System.Diagnostics;
using System.Text.Json;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Ext.Command;

/// <summary>new Deno.Command(program, options) as the ops receive it: { cmd, args, cwd, env, clearEnv, stdin, stdout, stderr }.</summary>
internal sealed class CommandSpec
{
    public required string Program { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];
    public string? Cwd { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];
    public bool ClearEnv { get; init; }
    public StdioMode Stdin { get; init; }
    public StdioMode Stdout { get; init; }
    public StdioMode Stderr { get; init; }

    public static CommandSpec Parse(JsonElement options)
    {
        if (options.ValueKind != JsonValueKind.Object) throw OpError.TypeError("command options must be an object");
        var program = String(options, "cmd") ?? throw OpError.TypeError("command is missing a program");
        var args = new List<string>();
        if (options.TryGetProperty("args", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var arg in list.EnumerateArray()) args.Add(arg.ValueKind == JsonValueKind.String ? arg.GetString()! : arg.ToString());
        var env = new List<KeyValuePair<string, string>>();
        if (options.TryGetProperty("env", out var vars) && vars.ValueKind == JsonValueKind.Object)
            foreach (var pair in vars.EnumerateObject()) env.Add(new(pair.Name, pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.ToString()));
        return new CommandSpec
        {
            Program = program,
            Args = args,
            Cwd = String(options, "cwd"),
            Env = env,
            ClearEnv = options.TryGetProperty("clearEnv", out var clear) && clear.ValueKind == JsonValueKind.True,
            Stdin = Mode(options, "stdin"),
            Stdout = Mode(options, "stdout"),
            Stderr = Mode(options, "stderr"),
        };
    }

    /// <summary>
    /// The process to start. A program without a slash is looked up on PATH only:
    /// .NET's own lookup would also try the app's folder and the current directory, which Deno does not.
    /// </summary>
    public ProcessStartInfo ToStartInfo()
    {
        string cwd = Path.GetFullPath(Cwd ?? ".", Environment.CurrentDirectory);
        string program = Locate(cwd);
        // Deno's message names the resolved program and the cwd as given.
        if (!Directory.Exists(cwd)) throw new OpError("NotFound", $"Failed to spawn '{program}': No such cwd '{Cwd}'");
        var info = new ProcessStartInfo
        {
            FileName = program,
            WorkingDirectory = cwd,
            UseShellExecute = false,
            RedirectStandardInput = Stdin != StdioMode.Inherit,
            RedirectStandardOutput = Stdout != StdioMode.Inherit,
            RedirectStandardError = Stderr != StdioMode.Inherit,
        };
        foreach (var arg in Args) info.ArgumentList.Add(arg);
        if (ClearEnv) info.Environment.Clear();
        foreach (var (key, value) in Env) info.Environment[key] = value;
        return info;
    }

    private string Locate(string cwd)
    {
        if (Program.Contains('/') || (OperatingSystem.IsWindows() && Program.Contains('\\')))
        {
            var full = Path.GetFullPath(Program, cwd);
            // execve(2) answers EACCES for a folder; .NET would refuse it with its own message first.
            if (Directory.Exists(full)) throw new OpError("PermissionDenied", $"Failed to spawn '{Program}': Permission denied (os error 13)");
            return full;
        }
        // Deno looks in the PATH the child gets when env sets one, else in ours (even with clearEnv).
        var path = Env.LastOrDefault(e => e.Key == "PATH").Value ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.GetFullPath(Path.Join(directory, Program), cwd);
            if (IsExecutable(candidate)) return candidate;
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe")) return candidate + ".exe";
        }
        throw NotFound();
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path)) return false;
        if (OperatingSystem.IsWindows()) return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }

    /// <summary>Deno's message: the error kind's description after the program's name.</summary>
    public OpError NotFound() => new("NotFound", $"Failed to spawn '{Program}': entity not found");

    public OpError SpawnFailed(System.ComponentModel.Win32Exception e) => e.NativeErrorCode switch
    {
        2 => NotFound(),
        13 => new OpError("PermissionDenied", $"Failed to spawn '{Program}': Permission denied (os error 13)"),
        _ => new OpError("Error", $"Failed to spawn '{Program}': {e.Message}"),
    };

    private static string? String(JsonElement options, string name) =>
        options.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static StdioMode Mode(JsonElement options, string name)
    {
        if (!options.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return StdioMode.Inherit;
        return (value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()) switch
        {
            "inherit" => StdioMode.Inherit,
            "piped" => StdioMode.Piped,
            "null" => StdioMode.Null,
            var other => throw OpError.TypeError($"unknown variant `{other}`, expected one of `inherit`, `piped`, `null`"),
        };
    }
}
