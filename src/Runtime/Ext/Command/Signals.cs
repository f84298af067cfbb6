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
}
