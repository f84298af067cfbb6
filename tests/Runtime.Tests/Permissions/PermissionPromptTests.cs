using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Tests.Permissions;

/// <summary>Deno.permissions.query/request/revoke and prompting.</summary>
public sealed class PermissionPromptTests
{
    [Fact]
    public void QueryReportsPromptGrantedAndDenied()
    {
        var container = new PermissionContainer(new PermissionOptions()
            .Allow(PermissionKind.Env, "HOME").Deny(PermissionKind.Env, "SECRET"));
        Assert.Equal(PermissionState.Granted, container.Query(PermissionKind.Env, "HOME").State);
        Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Env, "PATH").State);
        Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Env, "SECRET").State);
        Assert.Equal("denied", container.Query(PermissionKind.Env, "SECRET").StateName);
    }

    [Fact]
    public void WithoutPrompterRequestIsDeniedAndRemembered()
    {
        // deno 2.9.6, non-interactive: requestSync({name:"env",variable:"HOME"}) → denied, then querySync → denied.
        var container = new PermissionContainer(new PermissionOptions());
        Assert.Equal(PermissionState.Denied, container.Request(PermissionKind.Env, "HOME").State);
        Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Env, "HOME").State);
        Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Env, "PATH").State);
    }

    [Fact]
    public void WithoutPrompterAFailedCheckIsRememberedForTheScopeAndWhatContainsIt()
    {
        // deno 2.9.6, non-interactive: after a refused read of /etc/hostname, /etc and /etc/hostname query
        // "denied" while /usr stays "prompt"; after a refused env HOME, "env" as a whole is denied.
        var root = Directory.CreateTempSubdirectory("perm-remember-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "etc")).FullName;
            var sibling = Directory.CreateDirectory(Path.Combine(root, "usr")).FullName;
            var file = Path.Combine(folder, "hostname");
            File.WriteAllText(file, "x");
            var container = new PermissionContainer(new PermissionOptions());
            Assert.Equal("NotCapable", Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, file, "Deno.readTextFileSync()")).ClassName);
            Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Read, file).State);
            Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Read, folder).State);
            Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Read, sibling).State);
            Assert.Throws<OpError>(() => container.Check(PermissionKind.Env, "HOME", "Deno.env.get()"));
            Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Env, null).State);
            Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Env, "PATH").State);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void CheckPromptsAndAllowOnceGrantsThatScope()
    {
        var prompter = new ScriptedPrompter(PromptResponse.Allow);
        var container = new PermissionContainer(new PermissionOptions(), prompter);
        container.Check(PermissionKind.Env, "HOME", "Deno.env.get()");
        container.Check(PermissionKind.Env, "HOME", "Deno.env.get()");
        var asked = Assert.Single(prompter.Asked);
        Assert.Equal(new PermissionPromptRequest(PermissionKind.Env, "env access to \"HOME\"", "Deno.env.get()"), asked);
        Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Env, "PATH").State);
    }

    [Fact]
    public void AllowAllAnswerGrantsTheWholeKind()
    {
        var prompter = new ScriptedPrompter(PromptResponse.AllowAll);
        var container = new PermissionContainer(new PermissionOptions(), prompter);
        container.Check(PermissionKind.Sys, "hostname", "Deno.hostname()");
        container.Check(PermissionKind.Sys, "cpus", "navigator.hardwareConcurrency");
        Assert.Single(prompter.Asked);
    }

    [Fact]
    public void DenyAnswerIsRememberedSoTheUserIsNotAskedAgain()
    {
        var prompter = new ScriptedPrompter(PromptResponse.Deny);
        var container = new PermissionContainer(new PermissionOptions(), prompter);
        var error = Assert.Throws<OpError>(() => container.Check(PermissionKind.Net, "example.com:443", "fetch()"));
        Assert.Equal("NotCapable", error.ClassName);
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Net, "example.com:443", "fetch()"));
        Assert.Single(prompter.Asked);
        Assert.Equal(PermissionState.Denied, container.Query(PermissionKind.Net, "example.com:443").State);
    }

    [Fact]
    public void NoPromptFlagSilencesThePrompter()
    {
        var prompter = new ScriptedPrompter(PromptResponse.Allow);
        var container = new PermissionContainer(new PermissionOptions { Prompt = false }, prompter);
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, "/etc/hostname", "Deno.readTextFile()"));
        Assert.Empty(prompter.Asked);
    }

    [Fact]
    public void RequestPromptsThenRevokeReturnsToPrompt()
    {
        var prompter = new ScriptedPrompter(PromptResponse.Allow);
        var container = new PermissionContainer(new PermissionOptions(), prompter);
        Assert.Equal(PermissionState.Granted, container.Request(PermissionKind.Run, "git").State);
        Assert.Equal("Deno.permissions.request()", prompter.Asked[0].ApiName);
        Assert.Equal(PermissionState.Granted, container.Request(PermissionKind.Run, "git").State);
        Assert.Single(prompter.Asked);
        Assert.Equal(PermissionState.Prompt, container.Revoke(PermissionKind.Run, "git").State);
        Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Run, "git").State);
    }

    [Fact]
    public void RevokingTheWholeKindDropsFlagGrants()
    {
        var container = new PermissionContainer(new PermissionOptions().Allow(PermissionKind.Env).Allow(PermissionKind.Net, "a.com"));
        Assert.Equal(PermissionState.Prompt, container.Revoke(PermissionKind.Env, null).State);
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Env, "HOME", "Deno.env.get()"));
        // Revoking a scope drops the grants that cover it.
        Assert.Equal(PermissionState.Prompt, container.Revoke(PermissionKind.Net, "a.com:443").State);
        Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Net, "a.com:80").State);
    }

    [Fact]
    public void ConsolePrompterAsksUntilItGetsAnAnswer()
    {
        var output = new StringWriter();
        var prompter = new ConsolePermissionPrompter(new StringReader("maybe\ny\n"), output);
        var answer = prompter.Prompt(new PermissionPromptRequest(PermissionKind.Read, "read access to \"/etc/hostname\"", "Deno.readTextFile()"));
        Assert.Equal(PromptResponse.Allow, answer);
        var text = output.ToString();
        Assert.Contains("requests read access to \"/etc/hostname\"", text);
        Assert.Contains("Requested by `Deno.readTextFile()` API.", text);
        Assert.Contains("Unrecognized option", text);
        Assert.Contains("--allow-read", text);
    }

    [Theory]
    [InlineData("A\n", PromptResponse.AllowAll)]
    [InlineData("n\n", PromptResponse.Deny)]
    [InlineData("", PromptResponse.Deny)]
    public void ConsolePrompterAnswers(string input, PromptResponse expected)
    {
        var prompter = new ConsolePermissionPrompter(new StringReader(input), new StringWriter());
        Assert.Equal(expected, prompter.Prompt(new PermissionPromptRequest(PermissionKind.Net, "net access", null)));
    }
}

public sealed class PermissionDescriptorJsonTests
{
    private static (PermissionKind, string?) Parse(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return PermissionDescriptorJson.Parse(document.RootElement);
    }

    [Theory]
    [InlineData("""{"name":"read","path":"/x"}""", PermissionKind.Read, "/x")]
    [InlineData("""{"name":"net","host":"a.com:443"}""", PermissionKind.Net, "a.com:443")]
    [InlineData("""{"name":"env","variable":"HOME"}""", PermissionKind.Env, "HOME")]
    [InlineData("""{"name":"sys","kind":"hostname"}""", PermissionKind.Sys, "hostname")]
    [InlineData("""{"name":"run","command":"git"}""", PermissionKind.Run, "git")]
    [InlineData("""{"name":"import","host":"jsr.io"}""", PermissionKind.Import, "jsr.io")]
    [InlineData("""{"name":"write"}""", PermissionKind.Write, null)]
    [InlineData("""{"name":"ffi","path":null}""", PermissionKind.Ffi, null)]
    public void DescriptorsMapToKindAndValue(string json, PermissionKind kind, string? value) =>
        Assert.Equal((kind, value), Parse(json));

    [Theory]
    [InlineData("""{"name":"hrtime"}""", "The provided value \"hrtime\" is not a valid permission name.")]
    [InlineData("""{}""", "The provided value \"undefined\" is not a valid permission name.")]
    [InlineData("""{"name":"read","path":3}""", "The provided value for \"path\" of a read permission descriptor must be a string.")]
    public void MalformedDescriptorsAreTypeErrors(string json, string message)
    {
        var error = Assert.Throws<DualEngine.Abstractions.Ops.OpError>(() => Parse(json));
        Assert.Equal(("TypeError", message), (error.ClassName, error.Message));
    }

    [Fact]
    public void StatusSerializesLikePermissionStatus() =>
        Assert.Equal("""{"state":"granted","partial":true}""", PermissionDescriptorJson.ToJson(new PermissionStatus(PermissionState.Granted, true)));
}
