using System.CommandLine;
using System.Runtime.InteropServices;
using DualEngine.Backends.V8;
using DualEngine.Runtime;
using DualEngine.Runtime.Modules;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Cli;

/// <summary>The dualrt command line: run, eval, and the build-time snapshot command.</summary>
internal static class DualrtCommand
{
    private static readonly Option<string> EngineOption = new("--engine")
    {
        Description = "JavaScript engine: v8 or managed",
        DefaultValueFactory = _ => "v8",
    };

    private static readonly Option<int?> TimeoutOption = new("--timeout")
    {
        Description = "Terminate the program after this many milliseconds",
    };

    private static readonly Option<int?> MaxHeapOption = new("--max-heap-size")
    {
        Description = "Heap limit in megabytes; exceeding it ends the program with an error",
    };

    private static readonly Option<string> LogLevelOption = new("--log-level")
    {
        Description = "Log level: info or debug",
        DefaultValueFactory = _ => "info",
    };

    private static readonly Option<string?> ImportMapOption = new("--import-map")
    {
        Description = "Load an import map file (else the imports of the nearest deno.json)",
    };

    private static readonly Option<string?> LockOption = new("--lock")
    {
        Description = "Check remote modules against this lock file (default: deno.lock beside the nearest deno.json)",
    };

    private static readonly Option<bool> NoSnapshotOption = new("--no-snapshot")
    {
        Description = "Evaluate the runtime's JS from source instead of the startup snapshot",
    };

    // Options without a value, before the script; anything else starting with '-' there is an error.
    private static readonly HashSet<string> FlagOptions = ["--no-snapshot", "-h", "--help", "-?"];

    // Options that take a value as the next token; needed to find where the script's own arguments start.
    private static readonly HashSet<string> ValueOptions = ["--engine", "--timeout", "--max-heap-size", "--log-level", "--import-map", "--lock"];

    public static int Run(string[] argv)
    {
        EngineOption.AcceptOnlyFromAmong("v8", "managed");
        LogLevelOption.AcceptOnlyFromAmong("info", "debug");

        var root = new RootCommand("dualrt: a Deno-style JavaScript runtime for .NET, on V8 or a managed engine");
        foreach (var option in root.Options.OfType<VersionOption>().ToList()) root.Options.Remove(option);
        var version = new Option<bool>("--version", "-V") { Description = "Print dualrt's, V8's and .NET's versions" };
        root.Options.Add(version);
        root.SetAction(parse =>
        {
            if (parse.GetValue(version)) return PrintVersion();
            Console.Error.WriteLine("error: a subcommand is required (run, eval); see dualrt --help");
            return 1;
        });

        string[] scriptArgs, ownArgs;
        try
        {
            scriptArgs = SplitScriptArguments(argv, out ownArgs);
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
        // Deno's permission flags take their values after '=' only (--allow-read=/tmp), which
        // System.CommandLine cannot express for optional values: they are parsed apart.
        var permissionTokens = ownArgs.Where(PermissionFlags.IsPermissionFlag).ToArray();
        ownArgs = ownArgs.Where(a => !PermissionFlags.IsPermissionFlag(a)).ToArray();
        PermissionOptions permissions;
        try
        {
            permissions = PermissionFlags.Parse(permissionTokens);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        var file = new Argument<string>("file") { Description = "The module to run (.js, .mjs)" };
        var run = new Command("run", "Run a JavaScript module") { file };
        AddRuntimeOptions(run);
        run.SetAction(parse => Execute(parse, parse.GetValue(file), permissions, runtime => runtime.RunMainModule(parse.GetValue(file)!), scriptArgs));
        root.Subcommands.Add(run);

        var code = new Argument<string>("code") { Description = "The code to evaluate (as an ES module)" };
        var eval = new Command("eval", "Evaluate a piece of JavaScript") { code };
        AddRuntimeOptions(eval);
        // deno eval runs with every permission granted.
        eval.SetAction(parse => Execute(parse, null, new PermissionOptions { AllowAll = true }, runtime => runtime.RunEval(parse.GetValue(code)!), scriptArgs));
        root.Subcommands.Add(eval);

        var output = new Argument<string>("output") { Description = "Where to write the snapshot" };
        var snapshot = new Command("snapshot", "Create the V8 startup snapshot (run by the build)") { output };
        snapshot.Hidden = true;
        snapshot.SetAction(parse => CreateSnapshot(parse.GetValue(output)!));
        root.Subcommands.Add(snapshot);

        var result = root.Parse(ownArgs);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
        return result.Invoke();
    }

    private static void AddRuntimeOptions(Command command)
    {
        command.Options.Add(EngineOption);
        command.Options.Add(TimeoutOption);
        command.Options.Add(MaxHeapOption);
        command.Options.Add(LogLevelOption);
        command.Options.Add(NoSnapshotOption);
        command.Options.Add(ImportMapOption);
        command.Options.Add(LockOption);
    }

    // Deno passes everything after the script (run) or the code (eval) to the program as Deno.args.
    private static string[] SplitScriptArguments(string[] argv, out string[] ownArgs)
    {
        int command = Array.FindIndex(argv, a => a is "run" or "eval");
        if (command < 0)
        {
            ownArgs = argv;
            return [];
        }
        for (int i = command + 1; i < argv.Length; i++)
        {
            string token = argv[i];
            if (token == "--")
            {
                ownArgs = argv[..i];
                return argv[(i + 1)..];
            }
            if (token.StartsWith('-'))
            {
                if (ValueOptions.Contains(token)) i++;
                else if (!FlagOptions.Contains(token) && !token.Contains('=') && !PermissionFlags.IsPermissionFlag(token))
                    throw new CliException($"unexpected argument '{token}' found");
                continue;
            }
            ownArgs = argv[..(i + 1)];
            return argv[(i + 1)..];
        }
        ownArgs = argv;
        return [];
    }

    private static int Execute(ParseResult parse, string? mainModule, PermissionOptions permissions, Func<JsRuntime, int> body, string[] scriptArgs)
    {
        Action<string>? log = null;
        if (parse.GetValue(LogLevelOption) == "debug")
        {
            // Debug lines carry milliseconds since the process started, to see where startup time goes. Only then:
            // the start time comes from /proc and the local time zone (/etc/localtime), work a plain run skips.
            var started = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();
            log = line => Console.Error.WriteLine($"DEBUG +{(DateTime.UtcNow - started).TotalMilliseconds:0}ms {line}");
        }
        log?.Invoke("arguments parsed");
        try
        {
            var permissionContainer = new PermissionContainer(permissions, permissions.Prompt ? ConsolePermissionPrompter.CreateIfTerminal() : null);
            var loader = ModuleLoaderFor(mainModule, parse.GetValue(ImportMapOption), parse.GetValue(LockOption), permissionContainer);
            var engine = EngineFactory.Create(parse.GetValue(EngineOption)!, useSnapshot: !parse.GetValue(NoSnapshotOption));
            var options = new RuntimeOptions
            {
                Args = scriptArgs,
                Timeout = parse.GetValue(TimeoutOption) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                HeapLimitBytes = parse.GetValue(MaxHeapOption) is { } mb ? mb * 1024L * 1024L : null,
                Log = log,
                Version = DualrtVersion,
                ModuleLoader = loader,
                Permissions = permissionContainer,
            };
            log?.Invoke("engine ready");
            using var runtime = new JsRuntime(engine, options);
            log?.Invoke("runtime ready");
            int code = body(runtime);
            log?.Invoke($"finished with exit code {code}");
            return code;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    // Import maps apply from the --import-map file, or the nearest deno.json(c) above the main module;
    // remote modules are checked against --lock, or a deno.lock beside that deno.json (as Deno does).
    private static FileModuleLoader ModuleLoaderFor(string? mainModule, string? importMapFlag, string? lockFlag, PermissionContainer permissions)
    {
        string cwd = Environment.CurrentDirectory;
        var main = mainModule is null ? FileUrl.FromPath(Path.Join(cwd, "$deno$eval.js")) : SafeMainUrl(mainModule, cwd);
        try
        {
            string? config = main.Scheme == "file" ? ImportMapLoader.FindConfigFile(Path.GetDirectoryName(FileUrl.ToPath(main))!) : null;
            string? lockPath = lockFlag is not null ? Path.GetFullPath(lockFlag, cwd)
                : config is not null ? Path.Join(Path.GetDirectoryName(config), "deno.lock") : null;
            var remote = new RemoteModuleStore(RemoteModuleStore.DefaultCacheDirectory, permissions, lockPath is null ? null : Lockfile.Open(lockPath));
            return new FileModuleLoader(new ModuleSpecifierResolver(ImportMapLoader.Load(importMapFlag, main, cwd)), TypeScriptTranspiler.Transpile, remote);
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            throw new CliException(ex.Message);
        }
    }

    private static WebUrl SafeMainUrl(string mainModule, string cwd)
    {
        try
        {
            return ModuleSpecifierResolver.ResolveMainModule(mainModule, cwd);
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static int CreateSnapshot(string output)
    {
        var (_, ops, bootstrap) = JsRuntime.Describe(new RuntimeOptions());
        new V8Engine().CreateSnapshot(ops, bootstrap, output);
        return 0;
    }

    private static string DualrtVersion => typeof(DualrtCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static int PrintVersion()
    {
        Console.WriteLine($"dualrt {DualrtVersion}");
        Console.WriteLine($"v8 {new V8Engine().Version}");
        Console.WriteLine($".NET {RuntimeInformation.FrameworkDescription.Replace(".NET ", "")}");
        return 0;
    }
}
