using DualEngine.Runtime.Ext.Console;
using DualEngine.Runtime.Ext.Process;
using DualEngine.Runtime.Ext.Timers;

namespace DualEngine.Runtime.Extensions;

/// <summary>The extensions every runtime has, in load order (the numbers of their JS files follow it).</summary>
public static class BuiltinExtensions
{
    public static IReadOnlyList<Extension> All { get; } =
    [
        new() { Name = "core", Sources = [JsSource.Embedded("core", "00_core.js")] },
        new() { Name = "console", Dependencies = ["core"], Ops = ConsoleOps.Descriptors, Sources = [JsSource.Embedded("console", "01_console.js")] },
        new() { Name = "timers", Dependencies = ["core"], Ops = TimerOps.Descriptors, Sources = [JsSource.Embedded("timers", "02_timers.js")] },
        new() { Name = "events", Dependencies = ["timers"], Sources = [JsSource.Embedded("events", "03_events.js")] },
        new() { Name = "process", Dependencies = ["events"], Ops = ProcessOps.Descriptors, Sources = [JsSource.Embedded("process", "40_process.js")] },
        new() { Name = "main", Dependencies = ["console", "timers", "events", "process"], Sources = [JsSource.Embedded("main", "99_main.js")] },
    ];
}
