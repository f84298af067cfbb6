using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DualEngine.Runtime.Permissions.Descriptors;

/// <summary>
/// A net or import scope: a host (domain name, IPv4, or IPv6 in brackets) with an optional port.
/// Without a port it covers every port of the host. A leading "*." covers every subdomain.
/// Domain names compare case-insensitively and without a trailing root dot (RFC 4343, RFC 1034 §3.1).
/// </summary>
internal sealed class NetDescriptor : PermissionDescriptor
{
    private NetDescriptor(string host, int? port, bool subdomains)
    {
        Host = host;
        Port = port;
        Subdomains = subdomains;
    }

    /// <summary>Normalized host: lower-case domain, dotted IPv4, or bracketed compressed IPv6.</summary>
    public string Host { get; }
    public int? Port { get; }
    /// <summary>True for a "*.example.com" scope.</summary>
    public bool Subdomains { get; }

    public override string Display => (Subdomains ? "*." : "") + (Port is { } port ? $"{Host}:{port}" : Host);

    public override bool IsWithin(PermissionDescriptor scope)
    {
        if (scope is not NetDescriptor net) return false;
        if (net.Port is { } port && Port != port) return false;
        if (!net.Subdomains) return !Subdomains && Host == net.Host;
        // *.example.com covers a.example.com and *.a.example.com, not example.com itself.
        return Host.EndsWith("." + net.Host, StringComparison.Ordinal) || (Subdomains && Host == net.Host);
    }

    /// <summary>
    /// Deno 2.9.6 remembers a refused "127.0.0.1:4500" for that host and port only: asking about "127.0.0.1"
    /// (every port) afterwards is still "prompt", unlike paths.
    /// </summary>
    public override bool RefusalCovers(PermissionDescriptor request) => request.IsWithin(this);

    /// <summary>The scope of a URL's origin, with its scheme's default port (WHATWG URL "default port").</summary>
    public static NetDescriptor FromUrl(Uri url) => Parse(
        (url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost) + ":" + url.Port.ToString(CultureInfo.InvariantCulture));

    public static NetDescriptor Parse(string value)
    {
        if (value.Contains("://", StringComparison.Ordinal))
            throw new FormatException($"invalid value '{value}': URLs are not supported, only domains and ips");

        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']');
            if (close < 0) throw new FormatException($"invalid host: '{value}'");
            var inner = value[1..close];
            if (!IPAddress.TryParse(inner, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                throw new FormatException($"invalid IPv6 address in '{value}': '{inner}'");
            var rest = value[(close + 1)..];
            int? port = rest.Length == 0 ? null
                : rest.StartsWith(':') ? ParsePort(value, rest[1..])
                : throw new FormatException($"invalid host: '{value}'");
            return new NetDescriptor("[" + v6 + "]", port, subdomains: false);
        }

        var colon = value.IndexOf(':');
        var hostPart = colon < 0 ? value : value[..colon];
        int? hostPort = null;
        if (colon >= 0)
        {
            var portText = value[(colon + 1)..];
            if (portText.Length == 0) throw new FormatException($"invalid empty port in '{value}'");
            if (portText.Contains(':'))
                throw new FormatException($"ipv6 addresses must be enclosed in square brackets: '{value}'");
            hostPort = ParsePort(value, portText);
        }

        var subdomains = hostPart.StartsWith("*.", StringComparison.Ordinal);
        if (subdomains) hostPart = hostPart[2..];
        if (IsIPv4(hostPart))
        {
            if (subdomains) throw new FormatException($"invalid host: '{value}'");
            return new NetDescriptor(hostPart, hostPort, false);
        }
        return new NetDescriptor(NormalizeDomain(hostPart, value), hostPort, subdomains);
    }

    private static int ParsePort(string value, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new FormatException($"invalid port in '{value}': '{text}'");

    /// <summary>Four decimal octets only: IPAddress.TryParse would also take "1" or "0x7f.1" (inet_aton forms).</summary>
    private static bool IsIPv4(string host)
    {
        var parts = host.Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    private static string NormalizeDomain(string host, string value)
    {
        var name = host.EndsWith('.') ? host[..^1] : host;
        if (name.Length == 0) throw new FormatException($"invalid empty host: '{value}'");
        if (name.Length > 253) throw new FormatException($"invalid host '{value}': name is longer than 253 characters");
        string ascii;
        try { ascii = new IdnMapping().GetAscii(name); }
        catch (ArgumentException) { throw new FormatException($"invalid host: '{value}'"); }
        foreach (var label in ascii.Split('.'))
        {
            // RFC 1035 §2.3.1 labels, plus "_" which real names (SRV, some intranets) use.
            if (label.Length is 0 or > 63 || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw new FormatException($"invalid host: '{value}'");
        }
        return ascii.ToLowerInvariant();
    }
}
