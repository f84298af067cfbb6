using System.Collections;
using System.Text;
using System.Text.Json;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Ext.Os;

/// <summary>Ops behind js/30_os.js: Deno.env (env permission per variable) and Deno.hostname (sys permission).</summary>
public static partial class OsOps
{
    [Op]
    public static string? op_os_env_get([FromState] PermissionContainer permissions, string key)
    {
        CheckKey(key);
        permissions.Check(PermissionKind.Env, key, "Deno.env.get()");
        return Environment.GetEnvironmentVariable(key);
    }

    [Op]
    public static void op_os_env_set([FromState] PermissionContainer permissions, string key, string value)
    {
        CheckKey(key);
        if (value.Contains('\0')) throw OpError.TypeError("Value contains invalid characters");
        permissions.Check(PermissionKind.Env, key, "Deno.env.set()");
        Environment.SetEnvironmentVariable(key, value);
    }

    [Op]
    public static void op_os_env_delete([FromState] PermissionContainer permissions, string key)
    {
        CheckKey(key);
        permissions.Check(PermissionKind.Env, key, "Deno.env.delete()");
        Environment.SetEnvironmentVariable(key, null);
    }

    /// <summary>Deno.env.toObject(): needs access to every variable (env permission without a name).</summary>
    [Op]
    public static OpValue op_os_env_to_object([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Env, null, "Deno.env.toObject()");
        return OpValue.FromJson(JsonText.Write(json =>
        {
            json.WriteStartObject();
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
                json.WriteString((string)entry.Key, (string?)entry.Value);
            json.WriteEndObject();
        }));
    }

    [Op]
    public static string op_os_hostname([FromState] PermissionContainer permissions)
    {
        permissions.Check(PermissionKind.Sys, "hostname", "Deno.hostname()");
        return Environment.MachineName;
    }

    // Deno's env key validation: empty keys, '=' and NUL are TypeErrors before any permission check.
    private static void CheckKey(string key)
    {
        if (key.Length == 0) throw OpError.TypeError("Key is an empty string.");
        if (key.Contains('=') || key.Contains('\0')) throw OpError.TypeError($"Key contains invalid characters: \"{key}\"");
    }
}
