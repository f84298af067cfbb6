using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Ext.Net;

/// <summary>Host names to socket addresses and back, as Deno.listen / Deno.connect see them.</summary>
internal static class NetAddress
{
    /// <summary>
    /// The permission value Deno checks: "host:port", an IPv6 address in brackets
    /// (the form --allow-net takes).
    /// </summary>
    public static string PermissionValue(string hostname, int port) =>
        (hostname.Contains(':') && !hostname.StartsWith('[') ? $"[{hostname}]" : hostname) + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Literal addresses directly; names through DNS, IPv4 first (localhost binds 127.0.0.1, as in Deno).</summary>
    public static async Task<IPAddress[]> ResolveAsync(string hostname, CancellationToken token = default)
    {
        var literal = hostname.StartsWith('[') && hostname.EndsWith(']') ? hostname[1..^1] : hostname;
        if (IPAddress.TryParse(literal, out var address)) return [address];
        IPAddress[] found;
        try
        {
            found = await Dns.GetHostAddressesAsync(hostname, token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            // Deno's wording for getaddrinfo failures (a plain Error, not a Deno.errors class).
            throw new OpError("Error", $"failed to lookup address information: {e.Message}");
        }
        if (found.Length == 0) throw new OpError("Error", "failed to lookup address information: No address associated with hostname");
        return [.. found.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)];
    }

    /// <summary>A Deno.NetAddr: { hostname, port, transport: "tcp" }, keys in Deno's order.</summary>
    public static void WriteAddr(Utf8JsonWriter json, string name, EndPoint? endPoint)
    {
        json.WriteStartObject(name);
        if (endPoint is IPEndPoint ip)
        {
            var address = ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address;
            json.WriteString("hostname", address.ToString());
            json.WriteNumber("port", ip.Port);
        }
        json.WriteString("transport", "tcp");
        json.WriteEndObject();
    }
}
