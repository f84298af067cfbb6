using System.Net.Sockets;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Ext.Net;

/// <summary>A listening TCP socket (Deno's "tcpListener" resource).</summary>
internal sealed class TcpListenerResource(Socket socket) : Resource
{
    public Socket Socket { get; } = socket;

    public override string Name => "tcpListener";

    /// <summary>
    /// The next connection. Closing the listener under a pending accept rejects it with BadResource
    /// "Listener has been closed", as Deno does (not Interrupted, unlike a read).
    /// </summary>
    public async Task<Socket> AcceptAsync()
    {
        try
        {
            return await RunAsync(token => Socket.AcceptAsync(token).AsTask()).ConfigureAwait(false);
        }
        catch (Exception e) when (IsClosed && e is OpError or SocketException)
        {
            throw Closed();
        }
    }

    public static OpError Closed() => new("BadResource", "Listener has been closed");

    protected override void Release() => Socket.Dispose();
}
