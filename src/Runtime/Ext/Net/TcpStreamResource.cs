using System.Net.Sockets;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Ext.Net;

/// <summary>A connected TCP socket (Deno's "tcpStream" resource): what Deno.Conn reads and writes.</summary>
internal sealed class TcpStreamResource(Socket socket) : Resource
{
    public Socket Socket { get; } = socket;

    public override string Name => "tcpStream";

    /// <summary>Up to <paramref name="length"/> bytes; an empty array when the peer has shut down its side.</summary>
    public Task<byte[]> ReadAsync(int length) => Guard(async token =>
    {
        var buffer = new byte[length];
        int read = await Socket.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
        return read == length ? buffer : buffer[..read];
    });

    public Task<int> WriteAsync(byte[] data) => Guard(async token =>
    {
        int sent = 0;
        // A stream socket may take part of a large buffer per send; Deno's write reports the whole buffer once written.
        while (sent < data.Length)
            sent += await Socket.SendAsync(data.AsMemory(sent), SocketFlags.None, token).ConfigureAwait(false);
        return sent;
    });

    /// <summary>
    /// Runs the operation with the resource's close token. Disposing the socket under a pending call can surface
    /// as a SocketException (OperationAborted) rather than cancellation: after close, that too is "Interrupted".
    /// </summary>
    private async Task<T> Guard<T>(Func<CancellationToken, Task<T>> operation)
    {
        try
        {
            return await RunAsync(operation).ConfigureAwait(false);
        }
        catch (SocketException) when (IsClosed)
        {
            throw Interrupted();
        }
    }

    protected override void Release() => Socket.Dispose();
}
