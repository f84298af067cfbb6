#if DISPATCH_STATS
using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>
/// Instruction counts of a build with DISPATCH_STATS (bench/Engine/count-instructions.sh): how many times each
/// opcode was dispatched, printed on stderr when the process exits. A deterministic measure of interpreter work
/// for a machine whose timings swing by tens of percent; never compiled into normal builds.
/// </summary>
internal static class DispatchStats
{
    private static readonly long[] Counts = new long[Enum.GetValues<OpCode>().Length + 1];

    static DispatchStats() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Print();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Count(int op) => Counts[op]++;

    private static void Print()
    {
        long total = Counts.Sum();
        var lines = new System.Text.StringBuilder($"dispatch-stats total {total}\n");
        foreach (var (op, n) in Counts.Select((n, op) => (op, n)).Where(x => x.n > 0).OrderByDescending(x => x.n))
            lines.Append($"dispatch-stats {(OpCode)op,-24} {n,14} {100.0 * n / total,6:F2}%\n");
        Console.Error.Write(lines.ToString());
    }
}
#endif
