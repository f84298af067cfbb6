using System.Text;
using System.Text.Json;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.EventLoop;
using DualEngine.Runtime.Ext.Command;
using DualEngine.Runtime.Permissions;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Tests.Ext;

/// <summary>The command ops on real child processes (sh, echo, cat, sleep from PATH) and real temp folders.</summary>
public sealed class CommandOpsTests : IDisposable
{
    private readonly ResourceTable _table = new();
    private readonly PermissionContainer _run = OpJson.Allow(PermissionKind.Run);
    private readonly Stdio _stdio = new(new StringWriter(), new StringWriter());
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _table.Dispose();
        _temp.Dispose();
    }

    private static JsonElement Spec(string program, params string[] args) => Spec(program, args, null);

    private static JsonElement Spec(string program, string[] args, string? cwd = null,
        string stdin = "null", string stdout = "piped", string stderr = "piped", bool clearEnv = false, string? envJson = null)
    {
        var json = $$"""
            { "cmd": {{JsonSerializer.Serialize(program, TestJson.Default.String)}},
              "args": {{JsonSerializer.Serialize(args, TestJson.Default.StringArray)}},
              "cwd": {{(cwd is null ? "null" : JsonSerializer.Serialize(cwd, TestJson.Default.String))}},
              "env": {{envJson ?? "{}"}}, "clearEnv": {{(clearEnv ? "true" : "false")}},
              "stdin": "{{stdin}}", "stdout": "{{stdout}}", "stderr": "{{stderr}}" }
            """;
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private int Spawn(JsonElement spec, PermissionContainer? permissions = null) =>
        OpJson.Parse(CommandOps.op_command_spawn(permissions ?? _run, _table, _stdio, spec, "test()")).GetProperty("rid").GetInt32();

    private (JsonElement Status, string Stdout, string Stderr) Output(JsonElement spec)
    {
        int rid = Spawn(spec);
        var status = OpJson.Parse(CommandOps.op_command_wait_sync(_table, rid));
        string Text(bool stderr) => Encoding.UTF8.GetString(CommandOps.op_command_take_output(_table, rid, stderr) ?? []);
        var result = (status, Text(false), Text(true));
        _table.Close(rid);
        return result;
    }

    [Fact]
    public void Echo_output_is_collected()
    {
        var (status, stdout, stderr) = Output(Spec("echo", "hello", "world"));
        Assert.Equal("""{"success":true,"code":0,"signal":null}""", status.GetRawText());
        Assert.Equal(("hello world\n", ""), (stdout, stderr));
    }

    [Fact]
    public void Exit_code_and_stderr_come_back()
    {
        var (status, stdout, stderr) = Output(Spec("sh", "-c", "echo oops >&2; exit 3"));
        Assert.False(status.GetProperty("success").GetBoolean());
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        Assert.Equal(("", "oops\n"), (stdout, stderr));
    }

    [Fact]
    public void Cwd_env_and_clearEnv_shape_the_child()
    {
        string folder = _temp.Folder("work");
        var (_, stdout, _) = Output(Spec("sh", ["-c", "pwd; echo \"$DUALRT_A-$HOME\""], cwd: folder, clearEnv: true, envJson: """{ "DUALRT_A": "a" }"""));
        Assert.Equal($"{folder}\na-\n", stdout);
        Environment.SetEnvironmentVariable("DUALRT_INHERITED", "kept");
        (_, stdout, _) = Output(Spec("sh", "-c", "echo $DUALRT_INHERITED"));
        Assert.Equal("kept\n", stdout);
    }

    [Fact]
    public async Task Piped_stdin_reaches_the_child_and_status_is_async()
    {
        int rid = Spawn(Spec("cat", [], stdin: "piped"));
        Assert.Equal(3, await CommandOps.op_command_write_stdin(_table, rid, "abc"u8.ToArray()));
        CommandOps.op_command_close_stdin(_table, rid);
        var status = OpJson.Parse(await CommandOps.op_command_wait(_table, rid));
        Assert.True(status.GetProperty("success").GetBoolean());
        Assert.Equal("abc", Encoding.UTF8.GetString(CommandOps.op_command_take_output(_table, rid, false)!));
        Assert.Null(CommandOps.op_command_take_output(_table, Spawn(Spec("true", [], stdout: "null")), false));
    }

    [Fact]
    public async Task Kill_sends_the_signal_and_status_names_it()
    {
        int rid = Spawn(Spec("sleep", "30"));
        CommandOps.op_command_kill(_table, rid, "SIGTERM");
        var status = OpJson.Parse(await CommandOps.op_command_wait(_table, rid));
        Assert.Equal("""{"success":false,"code":143,"signal":"SIGTERM"}""", status.GetRawText());
        var again = Assert.Throws<OpError>(() => CommandOps.op_command_kill(_table, rid, "SIGTERM"));
        Assert.Equal(("TypeError", "Child process has already terminated"), (again.ClassName, again.Message));
        Assert.Equal("Invalid signal: SIGNOPE", Assert.Throws<OpError>(() => CommandOps.op_command_kill(_table, rid, "SIGNOPE")).Message);
    }

    [Fact]
    public void Spawn_failures_have_Deno_messages()
    {
        var missing = Assert.Throws<OpError>(() => Spawn(Spec("dualrt-no-such-program")));
        Assert.Equal(("NotFound", "Failed to spawn 'dualrt-no-such-program': entity not found"), (missing.ClassName, missing.Message));
        var folder = Assert.Throws<OpError>(() => Spawn(Spec(_temp.Path)));
        Assert.Equal("PermissionDenied", folder.ClassName);
        var badCwd = Assert.Throws<OpError>(() => Spawn(Spec("echo", [], cwd: _temp.Combine("missing"))));
        Assert.Equal("NotFound", badCwd.ClassName);
        Assert.EndsWith($"No such cwd '{_temp.Combine("missing")}'", badCwd.Message);
        var badMode = Assert.Throws<OpError>(() => Spawn(Spec("echo", [], stdout: "bogus")));
        Assert.Equal("unknown variant `bogus`, expected one of `inherit`, `piped`, `null`", badMode.Message);
        Assert.Equal(0, _table.Count);
    }

    [Fact]
    public void Spawn_checks_run_for_the_program_as_written_first()
    {
        var denied = Assert.Throws<OpError>(() => Spawn(Spec("echo", "x"), OpJson.None()));
        Assert.Equal(("NotCapable", OpJson.Denial(PermissionKind.Run, "echo")), (denied.ClassName, denied.Message));
        denied = Assert.Throws<OpError>(() => Spawn(Spec("echo", "x"), OpJson.Allow(PermissionKind.Run, "cat")));
        Assert.Equal(OpJson.Denial(PermissionKind.Run, "echo"), denied.Message);
        Assert.Equal(0, _table.Count);
        Assert.True(Spawn(Spec("echo", "x"), OpJson.Allow(PermissionKind.Run, "echo")) > 2);
    }

    [Fact]
    public async Task Deno_kill_needs_run_for_everything_then_signals_the_process()
    {
        var child = OpJson.Parse(CommandOps.op_command_spawn(_run, _table, _stdio, Spec("sleep", "30"), "test()"));
        int rid = child.GetProperty("rid").GetInt32(), pid = child.GetProperty("pid").GetInt32();
        const string anyRun = "Requires run access, run again with the --allow-run flag";
        Assert.Equal(anyRun, Assert.Throws<OpError>(() => CommandOps.op_command_kill_process(OpJson.None(), pid, "SIGTERM")).Message);
        Assert.Equal(anyRun, Assert.Throws<OpError>(() => CommandOps.op_command_kill_process(OpJson.Allow(PermissionKind.Run, "sleep"), pid, "SIGTERM")).Message);
        Assert.Equal("Invalid signal: SIGNOPE", Assert.Throws<OpError>(() => CommandOps.op_command_kill_process(_run, pid, "SIGNOPE")).Message);

        CommandOps.op_command_kill_process(_run, pid, "SIGKILL");
        var status = OpJson.Parse(await CommandOps.op_command_wait(_table, rid));
        Assert.Equal("""{"success":false,"code":137,"signal":"SIGKILL"}""", status.GetRawText());
        var gone = Assert.Throws<OpError>(() => CommandOps.op_command_kill_process(_run, pid, "SIGTERM"));
        Assert.Equal(("NotFound", "ESRCH: No such process"), (gone.ClassName, gone.Message));
        // Signalling the program itself reaches nothing outside it: no permission, as in Deno.
        CommandOps.op_command_kill_process(OpJson.None(), Environment.ProcessId, "SIGCONT");
    }
}

/// <summary>Source-generated JSON metadata for what the tests serialize (no reflection).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;
