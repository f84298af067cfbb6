using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DualEngine.Runtime.Modules;

/// <summary>
/// The WHATWG URL Standard's basic URL parser (§4.4), reorganized by URL shape instead of as a state
/// machine, and covering what module specifiers meet: special and non-special schemes, relative
/// references of every form, backslashes in special URLs, dot segments (including %2e), default ports,
/// lower-cased and IDNA-mapped hosts, IPv6 hosts, and the percent-encode sets. Not covered: IPv4 in
/// non-decimal forms ("0x7f.1"), and Windows drive-letter quirks beyond "file:///C:/...".
/// </summary>
internal static class WebUrlParser
{
    public static bool IsSpecialScheme(string scheme) => scheme is "http" or "https" or "file" or "ws" or "wss" or "ftp";

    private static int? DefaultPort(string scheme) => scheme switch
    {
        "http" or "ws" => 80,
        "https" or "wss" => 443,
        "ftp" => 21,
        _ => null,
    };

    public static WebUrl? Parse(string input, WebUrl? baseUrl)
    {
        input = Clean(input);
        var colon = SchemeLength(input);
        if (colon > 0)
        {
            var scheme = input[..colon].ToLowerInvariant();
            var rest = input[(colon + 1)..];
            if (scheme == "file") return ParseFile(rest, baseUrl is { Scheme: "file" } ? baseUrl : null);
            if (IsSpecialScheme(scheme))
            {
                // §4.4 scheme state: "https:foo" against an https base is relative to it.
                if (baseUrl is not null && baseUrl.Scheme == scheme && !StartsWithSlash(rest, special: true))
                    return ParseRelative(rest, baseUrl);
                return ParseAuthorityAndPath(scheme, rest.TrimStart('/', '\\'));
            }
            if (rest.StartsWith("//", StringComparison.Ordinal)) return ParseAuthorityAndPath(scheme, rest[2..]);
            if (rest.StartsWith('/'))
            {
                var (pathPart, q, f) = SplitQueryFragment(rest, special: false);
                return new WebUrl(scheme, "", "", null, null, NormalizePath([], pathPart[1..], false), null, Query(q, scheme), Fragment(f));
            }
            var (opaque, query, fragment) = SplitQueryFragment(rest, special: false);
            return new WebUrl(scheme, "", "", null, null, null, PercentEncoding.Encode(opaque, PercentEncodeSet.C0Control), Query(query, scheme), Fragment(fragment));
        }

        if (baseUrl is null) return null;
        if (baseUrl.HasOpaquePath)
        {
            // Only a fragment can be relative to "npm:zod" or "data:...".
            return input.StartsWith('#') ? baseUrl.With(fragment: Fragment(input[1..])) : null;
        }
        return baseUrl.Scheme == "file" ? ParseFile(input, baseUrl) : ParseRelative(input, baseUrl);
    }

    /// <summary>Strips leading/trailing C0 controls and spaces, and removes tabs and newlines anywhere (§4.4 steps 1-3).</summary>
    private static string Clean(string input)
    {
        var trimmed = input.Trim('\0', '\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007', '\b', '\t', '\n',
            '\v', '\f', '\r', '\u000e', '\u000f', '\u0010', '\u0011', '\u0012', '\u0013', '\u0014', '\u0015', '\u0016',
            '\u0017', '\u0018', '\u0019', '\u001a', '\u001b', '\u001c', '\u001d', '\u001e', '\u001f', ' ');
        return trimmed.IndexOfAny(['\t', '\n', '\r']) < 0 ? trimmed : trimmed.Replace("\t", "").Replace("\n", "").Replace("\r", "");
    }

    /// <summary>Length of a leading "scheme:" (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )), or 0.</summary>
    private static int SchemeLength(string input)
    {
        if (input.Length == 0 || !char.IsAsciiLetter(input[0])) return 0;
        for (var i = 1; i < input.Length; i++)
        {
            var c = input[i];
            if (c == ':') return i;
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return 0;
        }
        return 0;
    }

    private static bool StartsWithSlash(string text, bool special) =>
        text.Length > 0 && (text[0] == '/' || (special && text[0] == '\\'));

    private static (string Path, string? Query, string? Fragment) SplitQueryFragment(string text, bool special)
    {
        string? fragment = null;
        var hash = text.IndexOf('#');
        if (hash >= 0)
        {
            fragment = text[(hash + 1)..];
            text = text[..hash];
        }
        string? query = null;
        var question = text.IndexOf('?');
        if (question >= 0)
        {
            query = text[(question + 1)..];
            text = text[..question];
        }
        return (text, query, fragment);
    }

    private static string? Query(string? query, string scheme) => query is null ? null
        : PercentEncoding.Encode(query, IsSpecialScheme(scheme) ? PercentEncodeSet.SpecialQuery : PercentEncodeSet.Query);

    private static string? Fragment(string? fragment) => fragment is null ? null : PercentEncoding.Encode(fragment, PercentEncodeSet.Fragment);

    /// <summary>A relative reference against a hierarchical base of a non-file scheme (§4.4 relative state).</summary>
    private static WebUrl? ParseRelative(string input, WebUrl baseUrl)
    {
        var special = baseUrl.IsSpecial;
        if (input.Length >= 2 && StartsWithSlash(input, special) && StartsWithSlash(input[1..], special))
            return ParseAuthorityAndPath(baseUrl.Scheme, input[2..]);
        var (pathPart, query, fragment) = SplitQueryFragment(input, special);
        if (StartsWithSlash(pathPart, special))
            return baseUrl.With(NormalizePath([], pathPart[1..], special), Query(query, baseUrl.Scheme), Fragment(fragment), keepQuery: false);
        if (pathPart.Length == 0)
        {
            // "" keeps path and query; "?q" replaces the query; "#f" keeps the query and sets the fragment.
            var keepQuery = query is null;
            return baseUrl.With(baseUrl.Segments, Query(query, baseUrl.Scheme), Fragment(fragment), keepQuery);
        }
        var merged = baseUrl.Segments.Take(Math.Max(0, baseUrl.Segments.Count - 1)).ToList();
        return baseUrl.With(NormalizePath(merged, pathPart, special), Query(query, baseUrl.Scheme), Fragment(fragment), keepQuery: false);
    }

    /// <summary>"host[:port]/path?query#fragment" after "scheme://" (§4.4 authority, host and port states).</summary>
    private static WebUrl? ParseAuthorityAndPath(string scheme, string text)
    {
        var special = IsSpecialScheme(scheme);
        var end = 0;
        while (end < text.Length && !(text[end] is '/' or '?' or '#' || (special && text[end] == '\\'))) end++;
        var authority = text[..end];
        var (pathPart, query, fragment) = SplitQueryFragment(text[end..], special);

        var username = "";
        var password = "";
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userinfo = authority[..at];
            var colon = userinfo.IndexOf(':');
            username = PercentEncoding.Encode(colon < 0 ? userinfo : userinfo[..colon], PercentEncodeSet.Userinfo);
            password = colon < 0 ? "" : PercentEncoding.Encode(userinfo[(colon + 1)..], PercentEncodeSet.Userinfo);
            authority = authority[(at + 1)..];
        }

        var hostText = authority;
        string? portText = null;
        var close = authority.LastIndexOf(']');
        var portColon = authority.LastIndexOf(':');
        if (portColon > close)
        {
            hostText = authority[..portColon];
            portText = authority[(portColon + 1)..];
        }
        var host = ParseHost(hostText, special);
        if (host is null || (special && host.Length == 0)) return null;

        int? port = null;
        if (!string.IsNullOrEmpty(portText))
        {
            if (!portText.All(char.IsAsciiDigit) || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
                return null;
            port = number == DefaultPort(scheme) ? null : number;
        }

        var segments = StartsWithSlash(pathPart, special) ? NormalizePath([], pathPart[1..], special)
            : special ? [""] : [];
        return new WebUrl(scheme, username, password, host, port, segments, null, Query(query, scheme), Fragment(fragment));
    }

    /// <summary>The host parser (§3.5): IPv6 in brackets, domains percent-decoded, IDNA-mapped and lower-cased for special schemes, opaque hosts otherwise.</summary>
    private static string? ParseHost(string input, bool special)
    {
        if (input.StartsWith('['))
        {
            if (!input.EndsWith(']')) return null;
            return IPAddress.TryParse(input[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? "[" + v6.ToString().ToLowerInvariant() + "]"
                : null;
        }
        if (!special)
        {
            if (input.IndexOfAny([' ', '#', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|']) >= 0) return null;
            return PercentEncoding.Encode(input, PercentEncodeSet.C0Control);
        }
        var domain = PercentEncoding.Decode(input);
        string ascii;
        try
        {
            ascii = domain.All(char.IsAscii) ? domain.ToLowerInvariant() : new IdnMapping { UseStd3AsciiRules = false }.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        // Forbidden domain code points (§3.2): controls, space and URL delimiters.
        if (ascii.Any(c => c < 0x21 || c == 0x7F || c is '#' or '%' or '/' or ':' or '<' or '>' or '?' or '@' or '[' or '\\' or ']' or '^' or '|'))
            return null;
        return ascii;
    }

    /// <summary>file: URLs (§4.4 file, file slash and file host states), relative to a file base when given.</summary>
    private static WebUrl? ParseFile(string input, WebUrl? baseUrl)
    {
        if (input.Length >= 2 && StartsWithSlash(input, true) && StartsWithSlash(input[1..], true))
        {
            var text = input[2..];
            var end = 0;
            while (end < text.Length && text[end] is not ('/' or '\\' or '?' or '#')) end++;
            var hostText = text[..end];
            if (IsWindowsDriveLetter(hostText))
                return FileWithPath("", text);
            var host = hostText.Length == 0 ? "" : ParseHost(hostText, special: true);
            if (host is null) return null;
            return FileWithPath(host == "localhost" ? "" : host, text[end..]);
        }
        if (StartsWithSlash(input, true))
            return FileWithPath(baseUrl?.Host ?? "", input);
        if (baseUrl is null)
            return FileWithPath("", "/" + input);

        var (pathPart, query, fragment) = SplitQueryFragment(input, true);
        if (pathPart.Length == 0)
            return baseUrl.With(baseUrl.Segments, Query(query, "file"), Fragment(fragment), keepQuery: query is null);
        var merged = baseUrl.Segments.Take(Math.Max(0, baseUrl.Segments.Count - 1)).ToList();
        return new WebUrl("file", "", "", baseUrl.Host ?? "", null, NormalizePath(merged, pathPart, true), null, Query(query, "file"), Fragment(fragment));
    }

    private static WebUrl FileWithPath(string host, string pathWithSlash)
    {
        var (pathPart, query, fragment) = SplitQueryFragment(pathWithSlash, true);
        var relative = StartsWithSlash(pathPart, true) ? pathPart[1..] : pathPart;
        return new WebUrl("file", "", "", host, null, NormalizePath([], relative, true), null, Query(query, "file"), Fragment(fragment));
    }

    private static bool IsWindowsDriveLetter(string text) => text.Length == 2 && char.IsAsciiLetter(text[0]) && text[1] is ':' or '|';

    /// <summary>
    /// Appends a path's segments to <paramref name="output"/>, applying "." and ".." (and their %2e
    /// spellings, §4.4 path state) and percent-encoding each segment with the path set.
    /// A trailing "." or ".." leaves a trailing slash, as the standard's empty last segment does.
    /// </summary>
    private static List<string> NormalizePath(List<string> output, string path, bool special)
    {
        var segments = special ? path.Split('/', '\\') : path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (IsDoubleDot(segment))
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
                if (last) output.Add("");
            }
            else if (IsSingleDot(segment))
            {
                if (last) output.Add("");
            }
            else
            {
                output.Add(PercentEncoding.Encode(segment, PercentEncodeSet.Path));
            }
        }
        return output;
    }

    private static bool IsSingleDot(string s) => s == "." || s.Equals("%2e", StringComparison.OrdinalIgnoreCase);

    private static bool IsDoubleDot(string s) => s switch
    {
        ".." => true,
        _ => s.Length is 4 or 6 && (s.Equals(".%2e", StringComparison.OrdinalIgnoreCase)
            || s.Equals("%2e.", StringComparison.OrdinalIgnoreCase)
            || s.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase)),
    };
}
