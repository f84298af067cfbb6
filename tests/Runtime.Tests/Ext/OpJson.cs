using System.Text.Json;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Tests.Ext;

/// <summary>Helpers for calling ops directly: their structured results, and permission containers without prompts.</summary>
internal static class OpJson
{
    public static JsonElement Parse(OpValue value)
    {
        Assert.Equal(OpValueKind.Json, value.Kind);
        return JsonDocument.Parse(value.AsString).RootElement.Clone();
    }

    public static PermissionContainer Allow(PermissionKind kind, params string[] values) =>
        new(new PermissionOptions { Prompt = false }.Allow(kind, values));

    public static PermissionContainer None() => new(new PermissionOptions { Prompt = false });

    public static string Denial(PermissionKind kind, string value) =>
        $"Requires {kind.Name()} access to \"{value}\", run again with the --allow-{kind.Name()} flag";
}
