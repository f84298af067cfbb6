using System.Text.Json;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Ext.Permissions;

/// <summary>Ops behind js/10_permissions.js: Deno.permissions.query / request / revoke.</summary>
public static partial class PermissionOps
{
    [Op]
    public static OpValue op_permissions_query([FromState] PermissionContainer permissions, JsonElement descriptor)
    {
        var (kind, value) = PermissionDescriptorJson.Parse(descriptor);
        return OpValue.FromJson(PermissionDescriptorJson.ToJson(permissions.Query(kind, value)));
    }

    [Op]
    public static OpValue op_permissions_request([FromState] PermissionContainer permissions, JsonElement descriptor)
    {
        var (kind, value) = PermissionDescriptorJson.Parse(descriptor);
        return OpValue.FromJson(PermissionDescriptorJson.ToJson(permissions.Request(kind, value)));
    }

    [Op]
    public static OpValue op_permissions_revoke([FromState] PermissionContainer permissions, JsonElement descriptor)
    {
        var (kind, value) = PermissionDescriptorJson.Parse(descriptor);
        return OpValue.FromJson(PermissionDescriptorJson.ToJson(permissions.Revoke(kind, value)));
    }
}
