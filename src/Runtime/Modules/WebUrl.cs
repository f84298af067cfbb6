using System.Text;

namespace DualEngine.Runtime.Modules;

/// <summary>
/// A URL record of the WHATWG URL Standard (§4.1), as module specifiers need it: special schemes
/// (http, https, file, ws, wss, ftp) with hosts and hierarchical paths, and other schemes ("npm:",
/// "jsr:", "data:", "node:") kept with their opaque path. Immutable; <see cref="Href"/> is the
/// URL serializer's output (§4.5) and what equality compares.
/// </summary>
public sealed class WebUrl : IEquatable<WebUrl>
{
    internal WebUrl(string scheme, string username, string password, string? host, int? port,
        IReadOnlyList<string>? segments, string? opaquePath, string? query, string? fragment)
    {
        Scheme = scheme;
        Username = username;
        Password = password;
        Host = host;
        Port = port;
        Segments = segments ?? [];
        OpaquePath = opaquePath;
        Query = query;
        Fragment = fragment;
        Href = Serialize();
    }

    /// <summary>Lower-case, without the ':'.</summary>
    public string Scheme { get; }
    public string Username { get; }
    public string Password { get; }
    /// <summary>The serialized host; "" for file URLs without one; null when the URL has no authority.</summary>
    public string? Host { get; }
    /// <summary>Null when absent or the scheme's default.</summary>
    public int? Port { get; }
    /// <summary>The path segments (percent-encoded) of a hierarchical URL.</summary>
    public IReadOnlyList<string> Segments { get; }
    /// <summary>The whole path of a URL like "npm:zod@3" or "data:text/plain,x"; null when hierarchical.</summary>
    public string? OpaquePath { get; }
    public string? Query { get; }
    public string? Fragment { get; }
    public string Href { get; }

    public bool IsSpecial => WebUrlParser.IsSpecialScheme(Scheme);
    public bool HasOpaquePath => OpaquePath is not null;

    /// <summary>The path as serialized: "/a/b" or the opaque path.</summary>
    public string Path => OpaquePath ?? (Segments.Count == 0 ? "" : "/" + string.Join("/", Segments));

    /// <summary>Parses an absolute URL, or <paramref name="input"/> relative to <paramref name="baseUrl"/> (the "URL parser", §4.4). Null on failure.</summary>
    public static WebUrl? TryParse(string input, WebUrl? baseUrl = null) => WebUrlParser.Parse(input, baseUrl);

    /// <summary>Like <see cref="TryParse"/> but a failure is a <see cref="FormatException"/> naming the input.</summary>
    public static WebUrl Parse(string input, WebUrl? baseUrl = null) =>
        WebUrlParser.Parse(input, baseUrl)
        ?? throw new FormatException(baseUrl is null ? $"Invalid URL: '{input}'" : $"Invalid URL: '{input}' with base '{baseUrl.Href}'");

    internal WebUrl With(IReadOnlyList<string>? segments = null, string? query = null, string? fragment = null, bool keepQuery = true) =>
        new(Scheme, Username, Password, Host, Port, segments ?? Segments, OpaquePath,
            query ?? (keepQuery ? Query : null), fragment);

    /// <summary>This URL without its fragment: the resource it designates (what a loader fetches).</summary>
    public WebUrl WithoutFragment() => With(fragment: null);

    private string Serialize()
    {
        var builder = new StringBuilder(Scheme).Append(':');
        if (Host is not null)
        {
            builder.Append("//");
            if (Username.Length > 0 || Password.Length > 0)
            {
                builder.Append(Username);
                if (Password.Length > 0) builder.Append(':').Append(Password);
                builder.Append('@');
            }
            builder.Append(Host);
            if (Port is { } port) builder.Append(':').Append(port);
        }
        else if (OpaquePath is null && Segments.Count > 1 && Segments[0].Length == 0)
        {
            // §4.5 step 4: keep "//x" in a host-less path from reading as an authority.
            builder.Append("/.");
        }
        builder.Append(Path);
        if (Query is not null) builder.Append('?').Append(Query);
        if (Fragment is not null) builder.Append('#').Append(Fragment);
        return builder.ToString();
    }

    public bool Equals(WebUrl? other) => other is not null && other.Href == Href;
    public override bool Equals(object? obj) => obj is WebUrl other && Equals(other);
    public override int GetHashCode() => Href.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Href;
}
