using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.EventLoop;
using DualEngine.Runtime.Permissions;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Ext.Command;

/// <summary>
/// Ops behind js/32_command.js: Deno.Command's output / outputSync / spawn and the ChildProcess they give
/// (Deno's runtime/ops/process.rs). Spawning checks run permission for the program as written, first.
/// </summary>
public static partial class CommandOps
{
    /// <summary>Starts the child: { rid, pid }. <paramref name="api"/> names the JS call in a permission prompt.</summary>
    [Op]
    public static OpValue op_command_spawn([FromState] PermissionContainer permissions, [FromState] ResourceTable table,
        [FromState] Stdio stdio, JsonElement options, string api)
    {
        var spec = CommandSpec.Parse(options);
        permissions.Check(PermissionKind.Run, spec.Program, api);
        var info = spec.ToStartInfo();
        // An inheriting child writes straight to our stdout: what we buffered so far must come first.
        stdio.Flush();
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(info) ?? throw spec.NotFound();
        }
        catch (Win32Exception e)
        {
            throw spec.SpawnFailed(e);
        }
        Stream? stdin = null;
        if (spec.Stdin == StdioMode.Null) process.StandardInput.Close();
        else if (spec.Stdin == StdioMode.Piped) stdin = process.StandardInput.BaseStream;
        var child = new ChildProcessResource(process, spec.Stdout, spec.Stderr) { Stdin = stdin };
        int rid = table.Add(child);
        return OpValue.FromJson(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("rid", rid);
            json.WriteNumber("pid", child.Pid);
            json.WriteEndObject();
        }));
    }

    /// <summary>ChildProcess.status: { success, code, signal } once the child has exited and its pipes are drained.</summary>
    [Op]
    public static async Task<OpValue> op_command_wait([FromState] ResourceTable table, int rid) =>
        StatusJson(await table.Get<ChildProcessResource>(rid).WaitAsync().ConfigureAwait(false));

    /// <summary>Deno.Command.outputSync(): blocks the event loop until the child exits, as Deno does.</summary>
    [Op]
    public static OpValue op_command_wait_sync([FromState] ResourceTable table, int rid) =>
        StatusJson(table.Get<ChildProcessResource>(rid).Wait());

    /// <summary>The child's collected stdout (or stderr) after it exited; null when that stream was not piped.</summary>
    [Op]
    public static byte[]? op_command_take_output([FromState] ResourceTable table, int rid, bool stderr) =>
        table.Get<ChildProcessResource>(rid).Output(stderr);

    /// <summary>ChildProcess.kill(signal): sends the signal by name ("SIGTERM", "SIGKILL", ...).</summary>
    [Op]
    public static void op_command_kill([FromState] ResourceTable table, int rid, string signal) =>
        table.Get<ChildProcessResource>(rid).Kill(signal);

    /// <summary>
    /// Deno.kill(pid, signal): any process, so it needs run permission for everything (Deno's check_run_all),
    /// checked before the signal name is looked at. Signalling the program itself needs none, as in Deno 2.9.6:
    /// it reaches nothing outside.
    /// </summary>
    [Op]
    public static void op_command_kill_process([FromState] PermissionContainer permissions, int pid, string signal)
    {
        if (pid != Environment.ProcessId) permissions.Check(PermissionKind.Run, null, "Deno.kill()");
        int number = Signals.Number(signal);
        if (!Sys.Posix.Available)
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
            return;
        }
        // Recorded before sending: a child's status may be read before kill(2) even returns.
        Signals.RecordSent(pid, number);
        if (Sys.Posix.Kill(pid, number) == 0) return;
        int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        Signals.TakeSent(pid);
        // Deno shows errno's name and text (nix's Errno display).
        throw errno switch
        {
            3 => new OpError("NotFound", "ESRCH: No such process"),
            1 => new OpError("PermissionDenied", "EPERM: Operation not permitted"),
            _ => new OpError("Error", $"kill failed (os error {errno})"),
        };
    }

    /// <summary>Writes to the child's piped stdin.</summary>
    [Op]
    public static async Task<int> op_command_write_stdin([FromState] ResourceTable table, int rid, byte[] data)
    {
        var child = table.Get<ChildProcessResource>(rid);
        var stdin = child.Stdin ?? throw OpError.TypeError("stdin is not piped");
        await child.RunAsync(token => stdin.WriteAsync(data, token).AsTask()).ConfigureAwait(false);
        await child.RunAsync(token => stdin.FlushAsync(token)).ConfigureAwait(false);
        return data.Length;
    }

    /// <summary>Closes the child's piped stdin, so it reads end of file.</summary>
    [Op]
    public static void op_command_close_stdin([FromState] ResourceTable table, int rid) =>
        (table.Get<ChildProcessResource>(rid).Stdin ?? throw OpError.TypeError("stdin is not piped")).Dispose();

    private static OpValue StatusJson(ChildStatus status) => OpValue.FromJson(JsonText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteBoolean("success", status.Success);
        json.WriteNumber("code", status.Code);
        if (status.Signal is null) json.WriteNull("signal");
        else json.WriteString("signal", status.Signal);
        json.WriteEndObject();
    }));
}
