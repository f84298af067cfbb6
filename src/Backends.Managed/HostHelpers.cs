using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>
/// Small JS functions the adapter calls for conversions the engine's host API does not offer
/// (ToNumber of objects, BigInt, byte views, throwing a given value). They are created once per realm,
/// before any other script, from the pristine intrinsics, and held only by the host (never on the global).
/// </summary>
internal sealed class HostHelpers
{
    private const string Source = """
        (() => {
          "use strict";
          const fromCharCode = String.fromCharCode;
          const apply = Reflect.apply;
          const HasBuffers = typeof ArrayBuffer === "function" && typeof Uint8Array === "function";
          const isView = HasBuffers ? ArrayBuffer.isView : () => false;
          const U8 = HasBuffers ? Uint8Array : undefined;
          const Buffer = HasBuffers ? ArrayBuffer : undefined;
          return {
            // ToNumber as V8's NumberValue in a TryCatch: NaN when it throws (BigInt, a throwing valueOf).
            toNumber(value) { try { return +value; } catch { return NaN; } },
            isBytes: (value) => HasBuffers && (value instanceof Buffer || isView(value)),
            // Bytes cross as latin-1 strings (one char per byte): one host string read instead of n property reads.
            bytesToLatin1(value) {
              const bytes = value instanceof Buffer ? new U8(value) : new U8(value.buffer, value.byteOffset, value.byteLength);
              let text = "";
              for (let i = 0; i < bytes.length; i += 8192) text += apply(fromCharCode, null, bytes.subarray(i, i + 8192));
              return text;
            },
            latin1ToBytes(text) {
              const bytes = HasBuffers ? new U8(text.length) : new Array(text.length);
              for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
              return bytes;
            },
            bigInt: (text) => BigInt(text),
            toText: (value) => `${value}`,
            throwValue(value) { throw value; },
          };
        })()
        """;

    public const string FileName = "ext:managed/host_helpers.js";

    public HostHelpers(Realm realm)
    {
        var helpers = realm.Evaluate(Source, FileName);
        ToNumber = realm.GetProperty(helpers, "toNumber");
        IsBytes = realm.GetProperty(helpers, "isBytes");
        BytesToLatin1 = realm.GetProperty(helpers, "bytesToLatin1");
        Latin1ToBytes = realm.GetProperty(helpers, "latin1ToBytes");
        BigInt = realm.GetProperty(helpers, "bigInt");
        ToText = realm.GetProperty(helpers, "toText");
        ThrowValue = realm.GetProperty(helpers, "throwValue");
    }

    public JsValue ToNumber { get; }
    public JsValue IsBytes { get; }
    public JsValue BytesToLatin1 { get; }
    public JsValue Latin1ToBytes { get; }
    public JsValue BigInt { get; }
    public JsValue ToText { get; }
    public JsValue ThrowValue { get; }
}
