using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.EventLoop;

namespace DualEngine.Runtime.Ext.Process;

/// <summary>Ops behind js/40_process.js: Deno.exit and Deno.exitCode.</summary>
public static partial class ProcessOps
{
    [Op]
    public static void op_process_exit([FromState] LoopState loop, int code) => loop.RequestExit(code);

    [Op]
    public static void op_process_set_exit_code([FromState] LoopState loop, int code) => loop.ExitCode = code;

    [Op]
    public static int op_process_get_exit_code([FromState] LoopState loop) => loop.ExitCode;
}
