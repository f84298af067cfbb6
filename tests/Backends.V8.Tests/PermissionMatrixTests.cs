using DualEngine.Tests.Shared;
using DualEngine.Runtime;
using DualEngine.Runtime.EventLoop;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Backends.V8.Tests;

/// <summary>
/// Every op that touches the outside world, run three ways on real temp folders: with its permission
/// absent, granted for its target, and granted for a different scope. Only the second may succeed; the
/// others must fail with Deno's NotCapable message naming the permission and the flag.
/// </summary>
public sealed class PermissionMatrixTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dualrt-perm-").FullName;
    private readonly string _data;
    private readonly string _elsewhere;

    public PermissionMatrixTests()
    {
        _data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        _elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // (name, kind, scope granted, JS that uses it, the value named in the denial).
    public static TheoryData<string> Cases => new(Matrix.Keys);

    private static readonly Dictionary<string, (PermissionKind Kind, string Js, string Target)> Matrix = new()
    {
        ["readTextFileSync"] = (PermissionKind.Read, "Deno.readTextFileSync(DATA + '/in.txt')", "DATA/in.txt"),
        ["readTextFile"] = (PermissionKind.Read, "await Deno.readTextFile(DATA + '/in.txt')", "DATA/in.txt"),
        ["readFileSync"] = (PermissionKind.Read, "Deno.readFileSync(DATA + '/in.txt').length", "DATA/in.txt"),
        ["readFile"] = (PermissionKind.Read, "(await Deno.readFile(DATA + '/in.txt')).length", "DATA/in.txt"),
        ["statSync"] = (PermissionKind.Read, "Deno.statSync(DATA + '/in.txt').isFile", "DATA/in.txt"),
        ["lstatSync"] = (PermissionKind.Read, "Deno.lstatSync(DATA + '/in.txt').isFile", "DATA/in.txt"),
        ["readDirSync"] = (PermissionKind.Read, "[...Deno.readDirSync(DATA)].length", "DATA"),
        ["openSync read"] = (PermissionKind.Read, "(() => { const f = Deno.openSync(DATA + '/in.txt'); f.close(); return 'opened'; })()", "DATA/in.txt"),
        ["writeTextFileSync"] = (PermissionKind.Write, "Deno.writeTextFileSync(DATA + '/out.txt', 'x')", "DATA/out.txt"),
        ["writeTextFile"] = (PermissionKind.Write, "await Deno.writeTextFile(DATA + '/out.txt', 'x')", "DATA/out.txt"),
        ["writeFileSync"] = (PermissionKind.Write, "Deno.writeFileSync(DATA + '/out.bin', new Uint8Array([1]))", "DATA/out.bin"),
        ["writeFile"] = (PermissionKind.Write, "await Deno.writeFile(DATA + '/out.bin', new Uint8Array([1]))", "DATA/out.bin"),
        ["mkdirSync"] = (PermissionKind.Write, "Deno.mkdirSync(DATA + '/sub')", "DATA/sub"),
        ["removeSync"] = (PermissionKind.Write, "Deno.removeSync(DATA + '/victim.txt')", "DATA/victim.txt"),
        ["openSync write"] = (PermissionKind.Write, "(() => { const f = Deno.openSync(DATA + '/w.txt', { write: true, create: true }); f.close(); return 'opened'; })()", "DATA/w.txt"),
        ["env.get"] = (PermissionKind.Env, "Deno.env.get('DUALRT_MATRIX')", "DUALRT_MATRIX"),
        ["env.set"] = (PermissionKind.Env, "Deno.env.set('DUALRT_MATRIX', 'set')", "DUALRT_MATRIX"),
        ["env.delete"] = (PermissionKind.Env, "Deno.env.delete('DUALRT_MATRIX_GONE')", "DUALRT_MATRIX_GONE"),
        ["hostname"] = (PermissionKind.Sys, "typeof Deno.hostname()", "hostname"),
        ["osRelease"] = (PermissionKind.Sys, "typeof Deno.osRelease()", "osRelease"),
        ["osUptime"] = (PermissionKind.Sys, "typeof Deno.osUptime()", "osUptime"),
        ["loadavg"] = (PermissionKind.Sys, "Deno.loadavg().length", "loadavg"),
        ["systemMemoryInfo"] = (PermissionKind.Sys, "typeof Deno.systemMemoryInfo().total", "systemMemoryInfo"),
        ["networkInterfaces"] = (PermissionKind.Sys, "Array.isArray(Deno.networkInterfaces())", "networkInterfaces"),
        ["uid"] = (PermissionKind.Sys, "typeof Deno.uid()", "uid"),
        ["gid"] = (PermissionKind.Sys, "typeof Deno.gid()", "gid"),
        // PORT: a port a C# listener holds open for the case; FREE: a port just released, for Deno.listen.
        ["listen"] = (PermissionKind.Net, "(() => { const l = Deno.listen({ hostname: '127.0.0.1', port: FREE }); l.close(); return l.addr.port === FREE; })()", "127.0.0.1:FREE"),
        ["connect"] = (PermissionKind.Net, "await Deno.connect({ hostname: '127.0.0.1', port: PORT }).then((c) => { c.close(); return c.remoteAddr.port === PORT; })", "127.0.0.1:PORT"),
        ["Command.outputSync"] = (PermissionKind.Run, "new Deno.Command('echo', { args: ['hi'] }).outputSync().stdout.length", "echo"),
        ["Command.output"] = (PermissionKind.Run, "(await new Deno.Command('echo', { args: ['hi'] }).output()).code", "echo"),
        ["Command.spawn"] = (PermissionKind.Run, "(await new Deno.Command('echo', { stdout: 'null' }).spawn().status).success", "echo"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Op_is_allowed_only_in_its_granted_scope(string name)
    {
        var (kind, js, target) = Matrix[name];
        using var held = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        held.Start();
        string port = ((System.Net.IPEndPoint)held.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string free = FreePort();
        js = js.Replace("FREE", free).Replace("PORT", port);
        string value = target.Replace("DATA", _data).Replace("FREE", free).Replace("PORT", port);
        string other = kind switch
        {
            PermissionKind.Read or PermissionKind.Write => _elsewhere,
            PermissionKind.Env => "SOME_OTHER_VARIABLE",
            PermissionKind.Net => "127.0.0.1:1",  // same host, another port
            PermissionKind.Run => "cat",
            _ => target == "osRelease" ? "hostname" : "osRelease",
        };

        var denied = Run(js, new PermissionOptions { Prompt = false });
        Assert.Equal(Denial(kind, value), denied.Trim());

        var granted = Run(js, new PermissionOptions { Prompt = false }.Allow(kind, value));
        Assert.StartsWith("ok ", granted);

        var elsewhere = Run(js, new PermissionOptions { Prompt = false }.Allow(kind, other));
        Assert.Equal(Denial(kind, value), elsewhere.Trim());
    }

    [Fact]
    public void Symlink_inside_an_allowed_folder_pointing_outside_is_not_allowed()
    {
        string secret = Path.Combine(_elsewhere, "secret.txt");
        File.WriteAllText(secret, "secret");
        File.CreateSymbolicLink(Path.Combine(_data, "link.txt"), secret);
        string output = Run("Deno.readTextFileSync(DATA + '/link.txt')", new PermissionOptions { Prompt = false }.Allow(PermissionKind.Read, _data));
        Assert.StartsWith("NotCapable: Requires read access to", output);
    }

    [Fact]
    public void Deny_flag_wins_over_allow()
    {
        string output = Run("Deno.readTextFileSync(DATA + '/in.txt')",
            new PermissionOptions { Prompt = false }.Allow(PermissionKind.Read, _root).Deny(PermissionKind.Read, _data));
        Assert.Equal(Denial(PermissionKind.Read, Path.Combine(_data, "in.txt")), output.Trim());
    }

    private static string FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Denial(PermissionKind kind, string value) =>
        $"NotCapable: Requires {kind.Name()} access to \"{value}\", run again with the --allow-{kind.Name()} flag";

    private string Run(string expression, PermissionOptions permissions)
    {
        File.WriteAllText(Path.Combine(_data, "in.txt"), "hello");
        File.WriteAllText(Path.Combine(_data, "victim.txt"), "bye");
        if (Directory.Exists(Path.Combine(_data, "sub"))) Directory.Delete(Path.Combine(_data, "sub"));
        string main = Path.Combine(_root, $"case-{Guid.NewGuid():N}.js");
        File.WriteAllText(main, $$"""
            const DATA = {{System.Text.Json.JsonSerializer.Serialize(_data, Json.Default.String)}};
            try { console.log("ok", {{expression}}); } catch (e) { console.log(`${e.name}: ${e.message}`); }
            """);
        var (code, stdout, _) = RuntimeHarness.Run(new V8Engine(), main, stdio => new RuntimeOptions
        {
            Stdio = stdio,
            Permissions = new PermissionContainer(permissions),
        });
        Assert.Equal(0, code);
        return stdout;
    }
}

/// <summary>Source-generated JSON metadata for the one string the tests serialize (no reflection).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class Json : System.Text.Json.Serialization.JsonSerializerContext;
