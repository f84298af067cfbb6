using DualEngine.Tests.Shared;
using DualEngine.Runtime;
using DualEngine.Runtime.EventLoop;
using DualEngine.Runtime.Modules;
using DualEngine.Runtime.Permissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DualEngine.Backends.V8.Tests;

/// <summary>Remote modules from a real Kestrel server on 127.0.0.1: import permission, fetch once, cache, lockfile.</summary>
public sealed class RemoteModuleTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dualrt-remote-").FullName;
    private WebApplication? _server;
    private int _requests;
    private string _origin = "";
    private string _hostPort = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/lib.js", () => { Interlocked.Increment(ref _requests); return Results.Text("export const where = 'remote';", "application/javascript"); });
        _server.MapGet("/typed.ts", () => { Interlocked.Increment(ref _requests); return Results.Text("export const n: number = 40 + 2;", "application/typescript"); });
        await _server.StartAsync();
        _origin = _server.Urls.First();
        _hostPort = new Uri(_origin).Authority;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private (int Code, string Out, string Err) Run(PermissionOptions permissions, string? lockPath = null)
    {
        string main = Path.Combine(_dir, "main.js");
        File.WriteAllText(main, $"import {{ where }} from '{_origin}/lib.js';\nimport {{ n }} from '{_origin}/typed.ts';\nconsole.log(where, n);\n");
        var container = new PermissionContainer(permissions);
        var store = new RemoteModuleStore(Path.Combine(_dir, "cache"), container, lockPath is null ? null : Lockfile.Open(lockPath));
        return RuntimeHarness.Run(new V8Engine(), main, stdio => new RuntimeOptions
        {
            Stdio = stdio,
            Permissions = container,
            ModuleLoader = new FileModuleLoader(new ModuleSpecifierResolver(), TypeScriptTranspiler.Transpile, store),
        });
    }

    [Fact]
    public void Remote_modules_need_the_import_permission()
    {
        var (code, _, err) = Run(new PermissionOptions { Prompt = false });
        Assert.Equal(1, code);
        Assert.Contains($"Requires import access to \"{_hostPort}\", run again with the --allow-import flag", err);
        Assert.Equal(0, _requests);
    }

    [Fact]
    public void Remote_modules_are_fetched_once_then_served_from_the_cache_and_locked()
    {
        string lockPath = Path.Combine(_dir, "deno.lock");
        var allow = new PermissionOptions { Prompt = false }.Allow(PermissionKind.Import, _hostPort);
        Assert.Equal((0, "remote 42\n", ""), Run(allow, lockPath));
        Assert.Equal(2, _requests);
        Assert.Contains($"\"{_origin}/lib.js\"", File.ReadAllText(lockPath));

        Assert.Equal((0, "remote 42\n", ""), Run(allow, lockPath));
        Assert.Equal(2, _requests);  // the second run used the cache

        // A cached source that no longer matches the lockfile is refused.
        File.WriteAllText(lockPath, File.ReadAllText(lockPath).Replace(
            System.Text.RegularExpressions.Regex.Match(File.ReadAllText(lockPath), "[0-9a-f]{64}").Value, new string('0', 64)));
        var (code, _, err) = Run(allow, lockPath);
        Assert.Equal(1, code);
        Assert.Contains("Integrity check failed for remote specifier", err);
    }
}
