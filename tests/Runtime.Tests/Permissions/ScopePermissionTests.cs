using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Tests.Permissions;

/// <summary>net, env, sys, run, ffi and import scopes, and Deno 2's message for each.</summary>
public sealed class ScopePermissionTests
{
    private static PermissionContainer Container(PermissionOptions options) => new(options);

    private static OpError Denied(PermissionContainer container, PermissionKind kind, string? value) =>
        Assert.Throws<OpError>(() => container.Check(kind, value, "test()"));

    [Fact]
    public void NetByHostCoversEveryPortAndHostPortOnlyThatPort()
    {
        var container = Container(new PermissionOptions().Allow(PermissionKind.Net, "example.com", "127.0.0.1:8000", "[::1]:9000"));
        container.Check(PermissionKind.Net, "example.com:443", "fetch()");
        container.Check(PermissionKind.Net, "EXAMPLE.com.:80", "fetch()");
        container.Check(PermissionKind.Net, "127.0.0.1:8000", "Deno.listen()");
        container.Check(PermissionKind.Net, "[0:0::1]:9000", "Deno.listen()");
        Assert.Equal("Requires net access to \"127.0.0.1:8001\", run again with the --allow-net flag",
            Denied(container, PermissionKind.Net, "127.0.0.1:8001").Message);
        Assert.Equal("Requires net access to \"[::1]:9001\", run again with the --allow-net flag",
            Denied(container, PermissionKind.Net, "[::1]:9001").Message);
        Assert.Equal("NotCapable", Denied(container, PermissionKind.Net, "sub.example.com:443").ClassName);
    }

    [Fact]
    public void NetWildcardCoversSubdomainsOnly()
    {
        var container = Container(new PermissionOptions().Allow(PermissionKind.Net, "*.example.com"));
        container.Check(PermissionKind.Net, "api.example.com:443", "fetch()");
        container.Check(PermissionKind.Net, "a.b.example.com", "fetch()");
        Denied(container, PermissionKind.Net, "example.com:443");
        Denied(container, PermissionKind.Net, "badexample.com:443");
    }

    [Fact]
    public void NetDenyWinsAndMalformedRequestIsATypeError()
    {
        var container = Container(new PermissionOptions().Allow(PermissionKind.Net).Deny(PermissionKind.Net, "evil.com:443"));
        container.Check(PermissionKind.Net, "evil.com:80", "fetch()");
        Denied(container, PermissionKind.Net, "evil.com:443");
        var error = Assert.Throws<OpError>(() => container.Query(PermissionKind.Net, "http://x"));
        Assert.Equal("TypeError", error.ClassName);
    }

    [Fact]
    public void EnvNamesAndPrefixWildcards()
    {
        var container = Container(new PermissionOptions().Allow(PermissionKind.Env, "HOME", "AWS_*"));
        container.Check(PermissionKind.Env, "HOME", "Deno.env.get()");
        container.Check(PermissionKind.Env, "AWS_REGION", "Deno.env.get()");
        Assert.Equal("Requires env access to \"PATH\", run again with the --allow-env flag",
            Denied(container, PermissionKind.Env, "PATH").Message);
        Assert.Equal("Requires env access, run again with the --allow-env flag",
            Denied(container, PermissionKind.Env, null).Message);
        // Case matters except on Windows, whose environment is case-insensitive.
        if (OperatingSystem.IsWindows()) container.Check(PermissionKind.Env, "home", "Deno.env.get()");
        else Denied(container, PermissionKind.Env, "home");
    }

    [Fact]
    public void SysKinds()
    {
        var container = Container(new PermissionOptions().Allow(PermissionKind.Sys, "hostname", "osRelease"));
        container.Check(PermissionKind.Sys, "hostname", "Deno.hostname()");
        Assert.Equal("Requires sys access to \"cpus\", run again with the --allow-sys flag",
            Denied(container, PermissionKind.Sys, "cpus").Message);
        var unknown = Assert.Throws<OpError>(() => container.Check(PermissionKind.Sys, "kernelVersion", "x()"));
        Assert.Equal("TypeError", unknown.ClassName);
        Assert.Contains("unknown system info kind \"kernelVersion\"", unknown.Message);
    }

    [Fact]
    public void RunByNameAlsoCoversTheResolvedPath()
    {
        if (OperatingSystem.IsWindows()) return;
        var container = Container(new PermissionOptions().Allow(PermissionKind.Run, "sh"));
        container.Check(PermissionKind.Run, "sh", "Deno.Command()");
        var shPath = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Join(d, "sh")).First(File.Exists);
        container.Check(PermissionKind.Run, shPath, "Deno.Command()");
        Assert.Equal("Requires run access to \"definitely-not-a-program\", run again with the --allow-run flag",
            Denied(container, PermissionKind.Run, "definitely-not-a-program").Message);
    }

    [Fact]
    public void FfiIsPathScoped()
    {
        using var temp = new TempFolder();
        var lib = temp.File("libs/libx.so");
        var container = new PermissionContainer(new PermissionOptions().Allow(PermissionKind.Ffi, temp.Combine("libs")));
        container.Check(PermissionKind.Ffi, lib, "Deno.dlopen()");
        var other = temp.File("other/liby.so");
        Assert.Equal($"Requires ffi access to \"{other}\", run again with the --allow-ffi flag",
            Denied(container, PermissionKind.Ffi, other).Message);
    }

    [Fact]
    public void ImportDefaultsToWellKnownHostsUntilFlagsSayOtherwise()
    {
        var defaults = Container(new PermissionOptions());
        defaults.Check(PermissionKind.Import, "jsr.io:443", "import()");
        defaults.Check(PermissionKind.Import, "deno.land:443", "import()");
        Assert.Equal("Requires import access to \"example.com:443\", run again with the --allow-import flag",
            Denied(defaults, PermissionKind.Import, "example.com:443").Message);

        var scoped = Container(new PermissionOptions().Allow(PermissionKind.Import, "example.com"));
        scoped.Check(PermissionKind.Import, "example.com:443", "import()");
        Denied(scoped, PermissionKind.Import, "jsr.io:443");
    }

    [Fact]
    public void NothingGrantedByDefaultExceptImports()
    {
        var container = Container(new PermissionOptions());
        foreach (var kind in PermissionKinds.All.Where(k => k != PermissionKind.Import))
        {
            var error = Denied(container, kind, null);
            Assert.Equal($"Requires {kind.Name()} access, run again with the --allow-{kind.Name()} flag", error.Message);
        }
    }

    [Fact]
    public void AllowAllGrantsEveryKind()
    {
        var container = PermissionContainer.AllowAll();
        foreach (var kind in PermissionKinds.All) container.Check(kind, null, "x()");
        container.Check(PermissionKind.Net, "anything.example:1", "x()");
        Assert.Equal(PermissionState.Granted, container.Query(PermissionKind.Env, "HOME").State);
    }

    [Fact]
    public void MalformedFlagValueFailsConstructionNamingTheFlag()
    {
        var error = Assert.Throws<FormatException>(() => Container(new PermissionOptions().Deny(PermissionKind.Sys, "nope")));
        Assert.StartsWith("--deny-sys: unknown system info kind \"nope\"", error.Message);
    }
}
