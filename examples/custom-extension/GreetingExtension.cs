using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Extensions;

namespace DualEngine.Examples.CustomExtension;

/// <summary>State the extension keeps per runtime: how many greetings were made.</summary>
public sealed class GreetingCounter
{
    public int Count { get; set; }
}

/// <summary>The extension's ops: a sync op using state, and an async op.</summary>
public static partial class GreetingOps
{
    [Op]
    public static string op_greeting_greet([FromState] GreetingCounter counter, string name) =>
        $"Hello, {name}! (greeting #{++counter.Count})";

    [Op]
    public static async Task<string> op_greeting_shout_async(string text)
    {
        await Task.Delay(1);
        return text.ToUpperInvariant();
    }
}

/// <summary>Registers ops, JS and state as one extension; depends on the runtime's "console".</summary>
public static class GreetingExtension
{
    public static Extension Create() => new()
    {
        Name = "greeting",
        Dependencies = ["console"],
        Ops = GreetingOps.Descriptors,
        Sources = [JsSource.Embedded("greeting", "greeting.js", typeof(GreetingExtension).Assembly)],
        InitializeState = state => state.Put(new GreetingCounter()),
    };
}
