using DualEngine.Runtime.Ext.Command;
using DualEngine.Runtime.Ext.Console;
using DualEngine.Runtime.Ext.Fs;
using DualEngine.Runtime.Ext.Net;
using DualEngine.Runtime.Ext.Os;
using DualEngine.Runtime.Ext.Permissions;
using DualEngine.Runtime.Ext.Resources;
using DualEngine.Runtime.Ext.Process;
using DualEngine.Runtime.Ext.Sys;
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
        new() { Name = "permissions", Dependencies = ["events"], Ops = PermissionOps.Descriptors, Sources = [JsSource.Embedded("permissions", "10_permissions.js")] },
        new() { Name = "fs", Dependencies = ["core"], Ops = [.. FsOps.Descriptors, .. ResourceOps.Descriptors], Sources = [JsSource.Embedded("fs", "30_fs.js")] },
        new() { Name = "os", Dependencies = ["core"], Ops = OsOps.Descriptors, Sources = [JsSource.Embedded("os", "30_os.js")] },
        new() { Name = "net", Dependencies = ["core"], Ops = NetOps.Descriptors, Sources = [JsSource.Embedded("net", "31_net.js")] },
        new() { Name = "command", Dependencies = ["core"], Ops = CommandOps.Descriptors, Sources = [JsSource.Embedded("command", "32_command.js")] },
        new() { Name = "sys", Dependencies = ["core"], Ops = SysOps.Descriptors, Sources = [JsSource.Embedded("sys", "33_sys.js")] },
        new() { Name = "process", Dependencies = ["events"], Ops = ProcessOps.Descriptors, Sources = [JsSource.Embedded("process", "40_process.js")] },
        new() { Name = "main", Dependencies = ["console", "timers", "events", "permissions", "fs", "os", "net", "command", "sys", "process"], Sources = [JsSource.Embedded("main", "99_main.js")] },
    ];
}
