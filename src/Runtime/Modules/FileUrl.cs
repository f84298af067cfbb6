namespace DualEngine.Runtime.Modules;

/// <summary>
/// Converts between OS paths and file: URLs. Every character that is literal in a file name but
/// meaningful in a URL ('%', '#', '?', space, non-ASCII...) is percent-encoded on the way in and
/// decoded on the way out, so the round trip is exact.
/// </summary>
public static class FileUrl
{
    /// <summary>"/home/a b/x.js" → "file:///home/a%20b/x.js"; "C:\x\y.js" → "file:///C:/x/y.js"; "\\server\share\x" → "file://server/share/x".</summary>
    public static WebUrl FromPath(string path)
    {
        var full = Path.GetFullPath(path);
        string host = "";
        IEnumerable<string> segments;
        if (OperatingSystem.IsWindows() && full.StartsWith(@"\\", StringComparison.Ordinal))
        {
            var parts = full[2..].Split('\\');
            host = parts[0].ToLowerInvariant();
            segments = parts.Skip(1);
        }
        else
        {
            segments = full.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Skip(OperatingSystem.IsWindows() ? 0 : 1);
        }
        var encoded = segments.Select(s => PercentEncoding.Encode(s, PercentEncodeSet.PathSegmentLiteral)).ToList();
        return new WebUrl("file", "", "", host, null, encoded, null, null, null);
    }

    /// <summary>The OS path a file: URL designates. Throws <see cref="FormatException"/> for other schemes or a host this OS cannot reach.</summary>
    public static string ToPath(WebUrl url)
    {
        if (url.Scheme != "file") throw new FormatException($"Not a file URL: '{url.Href}'");
        var segments = url.Segments.Select(PercentEncoding.Decode).ToList();
        if (segments.Any(s => s.Contains('\0') || s.Contains('/') || (OperatingSystem.IsWindows() && s.Contains('\\'))))
            throw new FormatException($"File URL has an encoded path separator or NUL: '{url.Href}'");
        if (OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(url.Host)) return @"\\" + url.Host + @"\" + string.Join('\\', segments);
            if (segments.Count > 0 && segments[0].Length == 2 && char.IsAsciiLetter(segments[0][0]) && segments[0][1] is ':' or '|')
                return segments[0][0] + @":\" + string.Join('\\', segments.Skip(1));
            throw new FormatException($"File URL has no drive letter: '{url.Href}'");
        }
        if (!string.IsNullOrEmpty(url.Host)) throw new FormatException($"File URL with a host is not supported on this OS: '{url.Href}'");
        return "/" + string.Join('/', segments);
    }

    /// <inheritdoc cref="ToPath(WebUrl)"/>
    public static string ToPath(string url) => ToPath(WebUrl.Parse(url));
}
