using System.Text.Json;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Permissions;

/// <summary>
/// Reads a <c>Deno.PermissionDescriptor</c> object ({ name: "read", path: "/x" }, { name: "net", host: "a.com:443" },
/// { name: "env", variable: "HOME" }, { name: "sys", kind: "hostname" }, { name: "run", command: "git" },
/// { name: "ffi", path }, { name: "import", host }) into the kind and value <see cref="PermissionContainer"/> takes.
/// </summary>
public static class PermissionDescriptorJson
{
    /// <summary>The descriptor field that scopes each kind.</summary>
    public static string ValueField(PermissionKind kind) => kind switch
    {
        PermissionKind.Read or PermissionKind.Write or PermissionKind.Ffi => "path",
        PermissionKind.Net or PermissionKind.Import => "host",
        PermissionKind.Env => "variable",
        PermissionKind.Sys => "kind",
        PermissionKind.Run => "command",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Throws OpError TypeError, with the messages of Deno's 10_permissions.js, for a malformed descriptor.</summary>
    public static (PermissionKind Kind, string? Value) Parse(JsonElement descriptor)
    {
        if (descriptor.ValueKind != JsonValueKind.Object)
            throw OpError.TypeError("The provided value \"desc\" is not an object.");
        var name = descriptor.TryGetProperty("name", out var nameJson) && nameJson.ValueKind == JsonValueKind.String
            ? nameJson.GetString()!
            : nameJson.ValueKind == JsonValueKind.Undefined ? "undefined" : nameJson.GetRawText();
        if (!PermissionKinds.TryParse(name, out var kind))
            throw OpError.TypeError($"The provided value \"{name}\" is not a valid permission name.");
        if (!descriptor.TryGetProperty(ValueField(kind), out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return (kind, null);
        return value.ValueKind == JsonValueKind.String
            ? (kind, value.GetString())
            : throw OpError.TypeError($"The provided value for \"{ValueField(kind)}\" of a {name} permission descriptor must be a string.");
    }

    /// <summary>A <c>Deno.PermissionStatus</c>-shaped JSON result: {"state":"granted","partial":false}.</summary>
    public static string ToJson(PermissionStatus status) =>
        $"{{\"state\":\"{status.StateName}\",\"partial\":{(status.Partial ? "true" : "false")}}}";
}
