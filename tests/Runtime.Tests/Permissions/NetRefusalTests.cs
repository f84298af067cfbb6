using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Tests.Permissions;

/// <summary>What a refused net check is remembered for (checked against deno 2.9.6, conformance/permissions/net-scoped.js).</summary>
public sealed class NetRefusalTests
{
    [Fact]
    public void A_refused_host_and_port_is_remembered_for_that_port_only()
    {
        var container = new PermissionContainer(new PermissionOptions());  // no prompter: refusals are remembered
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Net, "127.0.0.1:45124", "Deno.connect()"));
        Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Net, "127.0.0.1:45124").State);
        Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Net, "127.0.0.1").State);
        Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Net, "127.0.0.1:45125").State);
        Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Net, null).State);
    }

    [Fact]
    public void A_refused_path_still_covers_the_folders_that_contain_it()
    {
        var container = new PermissionContainer(new PermissionOptions(), currentDirectory: () => "/work");
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, "/work/a/b.txt", "Deno.readTextFileSync()"));
        Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Read, "/work/a").State);
    }
}
