using System.Collections.Concurrent;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Ext.Command;

/// <summary>Signal names as Deno takes them ("SIGTERM") and their numbers on Linux (signal(7)).</summary>
internal static class Signals
{
    private static readonly string[] Names =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    public const int Kill = 9;

    public static int Number(string name)
    {
        int number = Array.IndexOf(Names, name);
        return number > 0 ? number : throw OpError.TypeError($"Invalid signal: {name}");
    }

    public static string Name(int number) => Names[number];

    // The last signal this program sent to each process (by ChildProcess.kill or Deno.kill): .NET reports a child
    // ended by signal N only as exit code 128 + N, and this tells that apart from a child exiting with 128 + N itself.
    private static readonly ConcurrentDictionary<int, int> SentByPid = new();

    public static void RecordSent(int pid, int signal) => SentByPid[pid] = signal;

    /// <summary>The signal last sent to <paramref name="pid"/> (0 if none), forgotten once asked: pids are reused.</summary>
    public static int TakeSent(int pid) => SentByPid.TryRemove(pid, out var signal) ? signal : 0;
}
