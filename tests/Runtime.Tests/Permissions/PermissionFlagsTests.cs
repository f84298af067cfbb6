using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Tests.Permissions;

public sealed class PermissionFlagsTests
{
    [Fact]
    public void LongAndShortFormsWithAndWithoutLists()
    {
        var options = PermissionFlags.Parse(["--allow-read=/a,/b", "-W", "-N=example.com:443,[::1]:8000", "--deny-env=SECRET", "--allow-run", "-S=hostname", "-I", "-E"]);
        Assert.Equal(["/a", "/b"], options.Allowed[PermissionKind.Read]);
        Assert.Empty(options.Allowed[PermissionKind.Write]);
        Assert.Equal(["example.com:443", "[::1]:8000"], options.Allowed[PermissionKind.Net]);
        Assert.Equal(["SECRET"], options.Denied[PermissionKind.Env]);
        Assert.Empty(options.Allowed[PermissionKind.Run]);
        Assert.Equal(["hostname"], options.Allowed[PermissionKind.Sys]);
        Assert.Empty(options.Allowed[PermissionKind.Import]);
        Assert.Empty(options.Allowed[PermissionKind.Env]);
        Assert.False(options.AllowAll);
        Assert.True(options.Prompt);
    }

    [Fact]
    public void AllowAllAndNoPrompt()
    {
        var options = PermissionFlags.Parse(["-A", "--no-prompt"]);
        Assert.True(options.AllowAll);
        Assert.False(options.Prompt);
        Assert.True(PermissionFlags.Parse(["--allow-all"]).AllowAll);
    }

    [Fact]
    public void UnscopedFlagWidensAnEarlierScopedOne()
    {
        var options = PermissionFlags.Parse(["--allow-read=/a", "--allow-read"]);
        Assert.Empty(options.Allowed[PermissionKind.Read]);
        options = PermissionFlags.Parse(["--allow-read", "--allow-read=/a"]);
        Assert.Empty(options.Allowed[PermissionKind.Read]);
        options = PermissionFlags.Parse(["--allow-read=/a", "--allow-read=/b"]);
        Assert.Equal(["/a", "/b"], options.Allowed[PermissionKind.Read]);
    }

    [Theory]
    [InlineData("--allow-foo", "unknown permission 'foo' in --allow-foo (expected one of: read, write, net, env, sys, run, ffi, import, or --allow-all)")]
    [InlineData("--deny-bar=x", "unknown permission 'bar' in --deny-bar")]
    [InlineData("--allow-read=", "--allow-read= needs a value")]
    [InlineData("--allow-net=a.com,,b.com", "--allow-net=a.com,,b.com has an empty entry")]
    [InlineData("--allow-net=https://example.com", "--allow-net: invalid value 'https://example.com': URLs are not supported, only domains and ips")]
    [InlineData("--allow-net=example.com:99999", "--allow-net: invalid port in 'example.com:99999': '99999'")]
    [InlineData("--allow-net=::1", "--allow-net: ipv6 addresses must be enclosed in square brackets: '::1'")]
    [InlineData("--allow-net=[zz]:80", "--allow-net: invalid IPv6 address in '[zz]:80': 'zz'")]
    [InlineData("--allow-sys=kernel", "--allow-sys: unknown system info kind \"kernel\"")]
    [InlineData("-A=yes", "-A takes no value (got 'yes')")]
    [InlineData("--allow-hrtime", "--allow-hrtime was removed in Deno 2")]
    [InlineData("--watch", "'--watch' is not a permission flag")]
    public void MalformedFlagsAreClearErrors(string token, string message)
    {
        var error = Assert.Throws<FormatException>(() => PermissionFlags.Parse([token]));
        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("-A", true)]
    [InlineData("--allow-read=/x", true)]
    [InlineData("--deny-net", true)]
    [InlineData("-R", true)]
    [InlineData("--no-prompt", true)]
    [InlineData("--reload", false)]
    [InlineData("main.ts", false)]
    public void RecognizesItsOwnTokens(string token, bool expected) =>
        Assert.Equal(expected, PermissionFlags.IsPermissionFlag(token));

    [Fact]
    public void ApplyTakesSplitNameAndValue()
    {
        var options = new PermissionOptions();
        PermissionFlags.Apply(options, "--allow-env", "HOME,AWS_*");
        PermissionFlags.Apply(options, "--deny-write", null);
        Assert.Equal(["HOME", "AWS_*"], options.Allowed[PermissionKind.Env]);
        Assert.Empty(options.Denied[PermissionKind.Write]);
    }
}
