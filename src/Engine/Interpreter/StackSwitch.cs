using System.Runtime.ExceptionServices;

namespace DualEngine.Engine.Interpreter;

/// <summary>
/// Native→JS re-entry (a callback from Array.prototype.map, a getter, ToPrimitive...) is the one place
/// where JS recursion uses the .NET stack. When the current thread's stack runs low, the nested call
/// continues on a fresh thread with a large stack while the caller blocks, so deep but legitimate
/// recursion is limited by <see cref="EngineOptions.MaxCallDepth"/> rather than by the host thread's
/// stack size. Execution stays single-threaded: exactly one thread runs JS at any time.
/// </summary>
internal static class StackSwitch
{
    private const int StackBytes = 16 * 1024 * 1024;
    /// <summary>Bounds the chain of helper threads (each reserves 16 MB of address space).</summary>
    private const int MaxChain = 32;
    [ThreadStatic] private static int t_chain;

    public static bool NeedsSwitch => !RuntimeHelpers.TryEnsureSufficientExecutionStack();

    public static T Run<T>(Func<T> body)
    {
        int chain = t_chain;
        if (chain >= MaxChain) Throw.StackOverflow();
        var budgetOwner = MemoryBudget.Current;
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            t_chain = chain + 1;
            MemoryBudget.Current = budgetOwner;
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes)
        {
            Name = "DualEngine JS stack extension",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }
}
