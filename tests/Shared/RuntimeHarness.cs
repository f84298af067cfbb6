using DualEngine.Abstractions.Engines;
using DualEngine.Runtime;
using DualEngine.Runtime.EventLoop;

namespace DualEngine.Tests.Shared;

/// <summary>Runs a main module in a fresh runtime on an engine with captured output: the runtime tests' one way in.</summary>
internal static class RuntimeHarness
{
    /// <param name="options">Builds the options around the captured <see cref="Stdio"/>.</param>
    public static (int Code, string Out, string Err) Run(IJsEngine engine, string mainPath, Func<Stdio, RuntimeOptions>? options = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var stdio = new Stdio(stdout, stderr);
        using var runtime = new JsRuntime(engine, options?.Invoke(stdio) ?? new RuntimeOptions { Stdio = stdio });
        int code = runtime.RunMainModule(mainPath);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
