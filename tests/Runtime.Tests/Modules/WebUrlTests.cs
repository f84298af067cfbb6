using DualEngine.Runtime.Modules;

namespace DualEngine.Runtime.Tests.Modules;

/// <summary>Cases from the WHATWG URL Standard's examples and web-platform-tests' urltestdata that module specifiers meet.</summary>
public sealed class WebUrlTests
{
    [Theory]
    [InlineData("./b.js", "file:///a/main.js", "file:///a/b.js")]
    [InlineData("../b.js", "file:///a/x/main.js", "file:///a/b.js")]
    [InlineData("../../../../b.js", "file:///a/main.js", "file:///b.js")]
    [InlineData("/b.js", "file:///a/x/main.js", "file:///b.js")]
    [InlineData("./b.js", "https://example.com/x/main.js", "https://example.com/x/b.js")]
    [InlineData("../b.js?v=1#frag", "https://example.com/x/y/main.js", "https://example.com/x/b.js?v=1#frag")]
    [InlineData("/b.js", "https://example.com/x/main.js", "https://example.com/b.js")]
    [InlineData("//cdn.example.org/lib.js", "https://example.com/x/main.js", "https://cdn.example.org/lib.js")]
    [InlineData("?q", "https://example.com/x/main.js?old", "https://example.com/x/main.js?q")]
    [InlineData("#f", "https://example.com/x/main.js?q", "https://example.com/x/main.js?q#f")]
    [InlineData("", "https://example.com/x/main.js?q#old", "https://example.com/x/main.js?q")]
    [InlineData("./a/./b/../c.js", "https://example.com/", "https://example.com/a/c.js")]
    [InlineData("./a/%2e%2E/c.js", "https://example.com/", "https://example.com/c.js")]
    [InlineData("./dir/..", "https://example.com/x/", "https://example.com/x/")]
    [InlineData(".\\win\\path.js", "https://example.com/x/", "https://example.com/x/win/path.js")]
    [InlineData("https:rel.js", "https://example.com/x/main.js", "https://example.com/x/rel.js")]
    [InlineData("./a b.js", "file:///dir/main.js", "file:///dir/a%20b.js")]
    [InlineData("./ü.js", "file:///dir/main.js", "file:///dir/%C3%BC.js")]
    [InlineData("./already%20encoded.js", "file:///dir/main.js", "file:///dir/already%20encoded.js")]
    [InlineData("  ./trimmed.js\n", "file:///dir/main.js", "file:///dir/trimmed.js")]
    public void RelativeReferencesResolveAgainstTheBase(string input, string baseUrl, string expected) =>
        Assert.Equal(expected, WebUrl.Parse(input, WebUrl.Parse(baseUrl)).Href);

    [Theory]
    [InlineData("HTTPS://EXAMPLE.COM:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80", "http://example.com/")]
    [InlineData("http://example.com:8080/", "http://example.com:8080/")]
    [InlineData("https://user:pa ss@example.com/", "https://user:pa%20ss@example.com/")]
    [InlineData("https://[0:0::1]:8000/x", "https://[::1]:8000/x")]
    [InlineData("https:\\\\example.com\\a\\b", "https://example.com/a/b")]
    [InlineData("https://bücher.example/", "https://xn--bcher-kva.example/")]
    [InlineData("file:///C:/dir/x.js", "file:///C:/dir/x.js")]
    [InlineData("file://localhost/etc/x", "file:///etc/x")]
    [InlineData("file:/etc/x", "file:///etc/x")]
    [InlineData("file://server/share/x", "file://server/share/x")]
    [InlineData("npm:zod@3.22", "npm:zod@3.22")]
    [InlineData("jsr:@std/path@1/join", "jsr:@std/path@1/join")]
    [InlineData("node:fs", "node:fs")]
    [InlineData("data:text/javascript,export default 1", "data:text/javascript,export default 1")]
    [InlineData("https://example.com/a?b c#d e", "https://example.com/a?b%20c#d%20e")]
    [InlineData("https://example.com/{x}^`", "https://example.com/%7Bx%7D%5E%60")]
    public void AbsoluteUrlsAreNormalized(string input, string expected) => Assert.Equal(expected, WebUrl.Parse(input).Href);

    [Theory]
    [InlineData("foo")]
    [InlineData("https://")]
    [InlineData("https://exa mple.com/")]
    [InlineData("https://example.com:99999/")]
    [InlineData("https://example.com:12a/")]
    [InlineData("https://[::1/")]
    [InlineData("")]
    public void InvalidAbsoluteUrlsFail(string input) => Assert.Null(WebUrl.TryParse(input));

    [Fact]
    public void OnlyFragmentsAreRelativeToOpaqueUrls()
    {
        var npm = WebUrl.Parse("npm:zod");
        Assert.Null(WebUrl.TryParse("./x", npm));
        Assert.Equal("npm:zod#x", WebUrl.Parse("#x", npm).Href);
    }

    [Fact]
    public void ParseFailureNamesTheInput()
    {
        var error = Assert.Throws<FormatException>(() => WebUrl.Parse("bare", WebUrl.Parse("npm:zod")));
        Assert.Equal("Invalid URL: 'bare' with base 'npm:zod'", error.Message);
    }

    [Fact]
    public void PartsAreExposed()
    {
        var url = WebUrl.Parse("https://u@Example.com:8443/a/b.js?x=1#top");
        Assert.Equal(("https", "u", "example.com", 8443, "/a/b.js", "x=1", "top"),
            (url.Scheme, url.Username, url.Host, url.Port, url.Path, url.Query, url.Fragment));
        Assert.True(url.IsSpecial);
        Assert.Equal("https://u@example.com:8443/a/b.js?x=1", url.WithoutFragment().Href);
        Assert.Equal(url, WebUrl.Parse("HTTPS://u@EXAMPLE.com:8443/a/./b.js?x=1#top"));
    }
}
