using System.Net;
using System.Net.Sockets;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Ext.Net;

/// <summary>
/// Ops behind js/31_net.js: TCP listeners and connections (Deno's ext/net ops). Listen and connect check net
/// permission for "host:port" first; reads and writes go through rids, so closing one interrupts its pending work.
/// </summary>
public static partial class NetOps
{
    private const int MaxReadChunk = 1 << 20;

    /// <summary>Deno.listen({ hostname, port }): { rid, localAddr }. Bound and listening before it returns, as in Deno.</summary>
    [Op]
    public static OpValue op_net_listen([FromState] PermissionContainer permissions, [FromState] ResourceTable table, string hostname, int port)
    {
        CheckPort(port);
        permissions.Check(PermissionKind.Net, NetAddress.PermissionValue(hostname, port), "Deno.listen()");
        var address = NetAddress.ResolveAsync(hostname).GetAwaiter().GetResult()[0];
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // No ReuseAddress: on Linux .NET also sets SO_REUSEPORT with it, which would let a second
            // listener share the port instead of failing with AddrInUse as Deno does.
            socket.Bind(new IPEndPoint(address, port));
            // A backlog like Deno's: 400 connections made before the first accept all succeed there (600 do not).
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        int rid = table.Add(new TcpListenerResource(socket));
        return OpValue.FromJson(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("rid", rid);
            NetAddress.WriteAddr(json, "localAddr", socket.LocalEndPoint);
            json.WriteEndObject();
        }));
    }

    /// <summary>Listener.accept(): the next connection as { rid, localAddr, remoteAddr }.</summary>
    [Op]
    public static async Task<OpValue> op_net_accept([FromState] ResourceTable table, int rid)
    {
        // Deno answers a closed (or never opened) listener rid with this message rather than "Bad resource ID".
        if (!table.TryGet<TcpListenerResource>(rid, out var listener)) throw TcpListenerResource.Closed();
        var socket = await listener.AcceptAsync().ConfigureAwait(false);
        return Connected(table, socket);
    }

    /// <summary>Deno.connect({ hostname, port }): tries each address of the host in turn, IPv4 first.</summary>
    [Op]
    public static async Task<OpValue> op_net_connect([FromState] PermissionContainer permissions, [FromState] ResourceTable table, string hostname, int port)
    {
        CheckPort(port);
        permissions.Check(PermissionKind.Net, NetAddress.PermissionValue(hostname, port), "Deno.connect()");
        SocketException? last = null;
        foreach (var address in await NetAddress.ResolveAsync(hostname).ConfigureAwait(false))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port)).ConfigureAwait(false);
                return Connected(table, socket);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw OpError.FromSocket(last!);
    }

    /// <summary>Conn.read(buffer): up to <paramref name="length"/> bytes, or null once the peer has closed its side.</summary>
    [Op]
    public static async Task<OpValue> op_net_read([FromState] ResourceTable table, int rid, int length)
    {
        var stream = table.Get<TcpStreamResource>(rid);
        if (length <= 0) return OpValue.From(Array.Empty<byte>());
        // A read may return fewer bytes than asked: capping the copy buffer keeps a huge Uint8Array from costing
        // as much again in managed memory on every call.
        var bytes = await stream.ReadAsync(Math.Min(length, MaxReadChunk)).ConfigureAwait(false);
        return bytes.Length == 0 ? OpValue.Null : OpValue.From(bytes);
    }

    /// <summary>Conn.write(data): the number of bytes written (all of them).</summary>
    [Op]
    public static Task<int> op_net_write([FromState] ResourceTable table, int rid, byte[] data) =>
        table.Get<TcpStreamResource>(rid).WriteAsync(data);

    /// <summary>Conn.closeWrite(): shuts down the sending side; the peer reads null. (Socket errors map through OpError.From.)</summary>
    [Op]
    public static void op_net_shutdown([FromState] ResourceTable table, int rid) =>
        table.Get<TcpStreamResource>(rid).Socket.Shutdown(SocketShutdown.Send);

    [Op]
    public static void op_net_set_nodelay([FromState] ResourceTable table, int rid, bool noDelay) =>
        table.Get<TcpStreamResource>(rid).Socket.NoDelay = noDelay;

    [Op]
    public static void op_net_set_keepalive([FromState] ResourceTable table, int rid, bool keepAlive) =>
        table.Get<TcpStreamResource>(rid).Socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, keepAlive);

    private static OpValue Connected(ResourceTable table, Socket socket)
    {
        int rid = table.Add(new TcpStreamResource(socket));
        return OpValue.FromJson(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("rid", rid);
            NetAddress.WriteAddr(json, "localAddr", socket.LocalEndPoint);
            NetAddress.WriteAddr(json, "remoteAddr", socket.RemoteEndPoint);
            json.WriteEndObject();
        }));
    }

    // The JS checks the type and range first with Deno's messages; this keeps a direct op call from crashing the host.
    private static void CheckPort(int port)
    {
        if (port is < 0 or > 65535) throw OpError.RangeError($"Invalid port (out of range): {port}");
    }
}
