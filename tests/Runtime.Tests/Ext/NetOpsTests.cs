using System.Text;
using System.Text.Json;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Ext.Net;
using DualEngine.Runtime.Permissions;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Tests.Ext;

/// <summary>The net ops on real sockets on 127.0.0.1 (ports chosen by the system).</summary>
public sealed class NetOpsTests : IDisposable
{
    private readonly ResourceTable _table = new();
    private readonly PermissionContainer _net = OpJson.Allow(PermissionKind.Net);

    public void Dispose() => _table.Dispose();

    private (int Rid, int Port) Listen()
    {
        var listener = OpJson.Parse(NetOps.op_net_listen(_net, _table, "127.0.0.1", 0));
        var addr = listener.GetProperty("localAddr");
        Assert.Equal("127.0.0.1", addr.GetProperty("hostname").GetString());
        Assert.Equal("tcp", addr.GetProperty("transport").GetString());
        return (listener.GetProperty("rid").GetInt32(), addr.GetProperty("port").GetInt32());
    }

    private async Task<(int Client, int Server)> Pair()
    {
        var (listener, port) = Listen();
        var accepted = NetOps.op_net_accept(_table, listener);
        var client = OpJson.Parse(await NetOps.op_net_connect(_net, _table, "127.0.0.1", port));
        var server = OpJson.Parse(await accepted);
        Assert.Equal(port, client.GetProperty("remoteAddr").GetProperty("port").GetInt32());
        Assert.Equal(client.GetProperty("localAddr").GetProperty("port").GetInt32(), server.GetProperty("remoteAddr").GetProperty("port").GetInt32());
        return (client.GetProperty("rid").GetInt32(), server.GetProperty("rid").GetInt32());
    }

    [Fact]
    public async Task Echo_both_ways_then_closeWrite_reads_null()
    {
        var (client, server) = await Pair();
        Assert.Equal(5, await NetOps.op_net_write(_table, client, "hello"u8.ToArray()));
        var read = await NetOps.op_net_read(_table, server, 16);
        Assert.Equal("hello", Encoding.UTF8.GetString(read.AsBytes));

        await NetOps.op_net_write(_table, server, "HELLO"u8.ToArray());
        Assert.Equal("HELLO", Encoding.UTF8.GetString((await NetOps.op_net_read(_table, client, 16)).AsBytes));

        NetOps.op_net_shutdown(_table, client);
        Assert.Equal(OpValueKind.Null, (await NetOps.op_net_read(_table, server, 16)).Kind);
        Assert.Equal(["tcpListener", "tcpStream", "tcpStream"], _table.Names().Select(n => n.Value).Where(n => n.StartsWith("tcp")).Order());
    }

    [Fact]
    public async Task Closing_a_conn_interrupts_its_pending_read_and_later_calls_are_BadResource()
    {
        var (_, server) = await Pair();
        var pending = NetOps.op_net_read(_table, server, 16);
        Assert.False(pending.IsCompleted);
        _table.Close(server);
        var error = await Assert.ThrowsAsync<OpError>(() => pending);
        Assert.Equal(("Interrupted", "operation canceled"), (error.ClassName, error.Message));
        var bad = await Assert.ThrowsAsync<OpError>(() => NetOps.op_net_read(_table, server, 16));
        Assert.Equal(("BadResource", "Bad resource ID"), (bad.ClassName, bad.Message));
        Assert.Equal("BadResource", Assert.Throws<OpError>(() => NetOps.op_net_set_nodelay(_table, server, true)).ClassName);
    }

    [Fact]
    public async Task Closing_a_listener_rejects_its_pending_accept_as_Deno_does()
    {
        var (listener, _) = Listen();
        var pending = NetOps.op_net_accept(_table, listener);
        _table.Close(listener);
        var error = await Assert.ThrowsAsync<OpError>(() => pending);
        Assert.Equal(("BadResource", "Listener has been closed"), (error.ClassName, error.Message));
        error = await Assert.ThrowsAsync<OpError>(() => NetOps.op_net_accept(_table, listener));
        Assert.Equal(("BadResource", "Listener has been closed"), (error.ClassName, error.Message));
    }

    [Fact]
    public async Task Os_errors_get_Deno_classes()
    {
        var (listener, port) = Listen();
        var inUse = Assert.Throws<System.Net.Sockets.SocketException>(() => NetOps.op_net_listen(_net, _table, "127.0.0.1", port));
        Assert.Equal("AddrInUse", OpError.From(inUse).ClassName);
        Assert.StartsWith("Address already in use (os error", OpError.From(inUse).Message);

        _table.Close(listener);
        var refused = await Assert.ThrowsAsync<OpError>(() => NetOps.op_net_connect(_net, _table, "127.0.0.1", port));
        Assert.Equal(("ConnectionRefused", "Connection refused (os error 111)"), (refused.ClassName, refused.Message));
        Assert.Equal("RangeError", Assert.Throws<OpError>(() => NetOps.op_net_listen(_net, _table, "127.0.0.1", 70000)).ClassName);
    }

    [Fact]
    public async Task Listen_and_connect_check_net_for_host_and_port_first()
    {
        var none = OpJson.None();
        var denied = Assert.Throws<OpError>(() => NetOps.op_net_listen(none, _table, "127.0.0.1", 4500));
        Assert.Equal(("NotCapable", OpJson.Denial(PermissionKind.Net, "127.0.0.1:4500")), (denied.ClassName, denied.Message));
        denied = await Assert.ThrowsAsync<OpError>(() => NetOps.op_net_connect(none, _table, "::1", 4501));
        Assert.Equal(OpJson.Denial(PermissionKind.Net, "[::1]:4501"), denied.Message);

        var (_, port) = Listen();
        var onePort = OpJson.Allow(PermissionKind.Net, $"127.0.0.1:{port}");
        var conn = OpJson.Parse(await NetOps.op_net_connect(onePort, _table, "127.0.0.1", port));
        Assert.True(conn.GetProperty("rid").GetInt32() > 2);
        denied = await Assert.ThrowsAsync<OpError>(() => NetOps.op_net_connect(onePort, _table, "127.0.0.1", port + 1));
        Assert.Equal(OpJson.Denial(PermissionKind.Net, $"127.0.0.1:{port + 1}"), denied.Message);
        Assert.Equal(2, _table.Count);  // the listener and the connection: denied calls leave nothing behind
    }
}
