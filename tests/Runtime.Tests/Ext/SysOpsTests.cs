using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Ext.Sys;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Tests.Ext;

/// <summary>The sys ops: each checks sys permission for its own kind, and answers with real values.</summary>
public sealed class SysOpsTests
{
    private static readonly Dictionary<string, Func<PermissionContainer, OpValue>> Ops = new()
    {
        ["osRelease"] = p => OpValue.From(SysOps.op_sys_os_release(p)),
        ["osUptime"] = p => OpValue.From(SysOps.op_sys_os_uptime(p)),
        ["loadavg"] = SysOps.op_sys_loadavg,
        ["systemMemoryInfo"] = SysOps.op_sys_system_memory_info,
        ["networkInterfaces"] = SysOps.op_sys_network_interfaces,
        ["uid"] = SysOps.op_sys_uid,
        ["gid"] = SysOps.op_sys_gid,
    };

    public static TheoryData<string> Kinds => new(Ops.Keys);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Allowed_only_for_its_own_kind(string kind)
    {
        var op = Ops[kind];
        var denied = Assert.Throws<OpError>(() => op(OpJson.None()));
        Assert.Equal(("NotCapable", OpJson.Denial(PermissionKind.Sys, kind)), (denied.ClassName, denied.Message));
        string other = kind == "hostname" ? "uid" : "hostname";
        Assert.Equal(OpJson.Denial(PermissionKind.Sys, kind), Assert.Throws<OpError>(() => op(OpJson.Allow(PermissionKind.Sys, other))).Message);
        Assert.NotEqual(OpValueKind.Undefined, op(OpJson.Allow(PermissionKind.Sys, kind)).Kind);
    }

    [Fact]
    public void Values_are_real()
    {
        var all = OpJson.Allow(PermissionKind.Sys);
        Assert.False(string.IsNullOrWhiteSpace(SysOps.op_sys_os_release(all)));
        Assert.True(SysOps.op_sys_os_uptime(all) > 0);
        Assert.Equal(3, OpJson.Parse(SysOps.op_sys_loadavg(all)).GetArrayLength());
        var memory = OpJson.Parse(SysOps.op_sys_system_memory_info(all));
        Assert.Equal(["total", "free", "available", "buffers", "cached", "swapTotal", "swapFree"], memory.EnumerateObject().Select(p => p.Name));
        Assert.True(memory.GetProperty("total").GetInt64() >= memory.GetProperty("free").GetInt64());
        var loopback = OpJson.Parse(SysOps.op_sys_network_interfaces(all)).EnumerateArray()
            .First(e => e.GetProperty("address").GetString() == "127.0.0.1");
        Assert.Equal(("IPv4", "255.0.0.0", "127.0.0.1/8"), (loopback.GetProperty("family").GetString(), loopback.GetProperty("netmask").GetString(), loopback.GetProperty("cidr").GetString()));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(OpValueKind.Number, SysOps.op_sys_uid(all).Kind);
            Assert.True(SysOps.op_sys_ppid() > 0);
        }
    }
}
