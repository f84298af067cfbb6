using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.EventLoop;

namespace DualEngine.Runtime.Ext.Console;

/// <summary>Ops behind js/01_console.js: formatting happens in JS, printing here.</summary>
public static partial class ConsoleOps
{
    [Op]
    public static void op_console_print([FromState] Stdio stdio, [FromState] LoopState loop, string text, bool toStderr)
    {
        if (loop.ExitRequested is not null) return;  // Deno.exit() was called: nothing more is written
        if (toStderr) stdio.WriteError(text);
        else stdio.WriteOut(text);
    }
}
