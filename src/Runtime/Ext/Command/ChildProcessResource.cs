using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Ext.Sys;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Ext.Command;

/// <summary>
/// A spawned child (Deno's "child" resource). Piped stdout and stderr are collected from the start, so the
/// child never stalls on a full pipe; they are handed over whole once it exits (the runtime has no streams yet).
/// Closing the resource releases our handle only: the child keeps running, as in Deno.
/// </summary>
internal sealed class ChildProcessResource : Resource
{
    private readonly System.Diagnostics.Process _process;
    private readonly Task<byte[]?> _stdout;
    private readonly Task<byte[]?> _stderr;

    public ChildProcessResource(System.Diagnostics.Process process, StdioMode stdout, StdioMode stderr)
    {
        _process = process;
        Pid = process.Id;
        _stdout = Collect(stdout, stdout == StdioMode.Inherit ? null : process.StandardOutput.BaseStream);
        _stderr = Collect(stderr, stderr == StdioMode.Inherit ? null : process.StandardError.BaseStream);
    }

    public override string Name => "child";

    public int Pid { get; }

    /// <summary>The child's stdin when piped, else null.</summary>
    public Stream? Stdin { get; init; }

    public async Task<ChildStatus> WaitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        await Task.WhenAll(_stdout, _stderr).ConfigureAwait(false);
        return Status();
    }

    public ChildStatus Wait()
    {
        _process.WaitForExit();
        Task.WaitAll(_stdout, _stderr);
        return Status();
    }

    /// <summary>The collected output (after the child exited); null when that stream was not piped.</summary>
    public byte[]? Output(bool stderr) => (stderr ? _stderr : _stdout).GetAwaiter().GetResult();

    public void Kill(string signalName)
    {
        int signal = Signals.Number(signalName);
        if (_process.HasExited) throw OpError.TypeError("Child process has already terminated");
        // Recorded before sending: the child can die and its status be read before kill(2) even returns.
        Signals.RecordSent(Pid, signal);
        if (!Posix.Available)
        {
            _process.Kill();
            return;
        }
        if (Posix.Kill(Pid, signal) != 0)
        {
            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            Signals.TakeSent(Pid);
            throw errno == 3 // ESRCH: it exited between the check and the signal
                ? OpError.TypeError("Child process has already terminated")
                : new OpError("Error", $"kill failed (os error {errno})");
        }
    }

    /// <summary>
    /// .NET reports a child ended by signal N as exit code 128 + N without saying it was a signal; the signal is
    /// named when this program sent it (<see cref="Signals.RecordSent"/>), so a child that exits with, say, 143 on
    /// its own keeps signal null. (Deno sees the raw wait status and would also name a signal sent from outside.)
    /// </summary>
    private ChildStatus Status()
    {
        int code = _process.ExitCode;
        int sent = Signals.TakeSent(Pid);
        string? signal = sent != 0 && code == 128 + sent ? Signals.Name(sent) : null;
        return new ChildStatus(code == 0 && signal is null, code, signal);
    }

    private static async Task<byte[]?> Collect(StdioMode mode, Stream? stream)
    {
        if (stream is null) return null;
        if (mode == StdioMode.Null)
        {
            await stream.CopyToAsync(Stream.Null).ConfigureAwait(false);
            return null;
        }
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }

    protected override void Release()
    {
        Stdin?.Dispose();
        _process.Dispose();
    }
}

internal readonly record struct ChildStatus(bool Success, int Code, string? Signal);

/// <summary>What Deno.CommandOptions' stdin / stdout / stderr say.</summary>
internal enum StdioMode
{
    Inherit,
    Piped,
    Null,
}
