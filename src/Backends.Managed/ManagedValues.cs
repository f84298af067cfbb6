using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>Conversions on engine values that need no JS (the engine's own conversions are internal).</summary>
internal static class ManagedValues
{
    /// <summary>ToBoolean (ECMA-262 §7.1.2) for the kinds an op or hook result can be without running JS.</summary>
    public static bool ToBoolean(in JsValue value) => value.Kind switch
    {
        JsValueKind.Undefined or JsValueKind.Null => false,
        JsValueKind.Boolean => value.AsBoolean(),
        JsValueKind.Number => value.AsNumber() is var n && n != 0 && !double.IsNaN(n),
        JsValueKind.String => value.AsString().Length > 0,
        JsValueKind.BigInt => value.ToString() is not ("0" or "0n"),
        _ => true,  // symbols and objects
    };
}
