using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>JSON.stringify (§25.5.2) with replacer functions/lists, indentation, toJSON and cycle detection.</summary>
internal sealed class JsonSerializer
{
    private readonly Realm _realm;
    private readonly JsFunction? _replacer;
    private readonly List<PropertyKey>? _propertyList;
    private readonly string _gap;
    private readonly List<JsObject> _stack = new();
    private string _indent = "";

    private JsonSerializer(Realm realm, JsFunction? replacer, List<PropertyKey>? list, string gap)
    {
        _realm = realm;
        _replacer = replacer;
        _propertyList = list;
        _gap = gap;
    }

    public static JsValue Stringify(Realm realm, in JsValue value, in JsValue replacer, in JsValue space)
    {
        JsFunction? fn = null;
        List<PropertyKey>? list = null;
        if (replacer._ref is JsFunction f) fn = f;
        else if (ArrayConstructor.IsArray(replacer))
        {
            list = new List<PropertyKey>();
            var seen = new HashSet<string>();
            var r = replacer.AsObject();
            long len = ArrayOps.Length(r);
            for (long i = 0; i < len; i++)
            {
                var v = ArrayOps.Get(r, i);
                string? item = v.IsString ? v.AsString() : v.IsNumber ? Conversions.ToString(v)
                    : v._ref is JsPrimitiveWrapper { PrimitiveValue: { IsString: true } or { IsNumber: true } } ? Conversions.ToString(v) : null;
                if (item is not null && seen.Add(item)) list.Add(item);
            }
        }
        var sp = space;
        if (sp._ref is JsPrimitiveWrapper w && (w.PrimitiveValue.IsNumber || w.PrimitiveValue.IsString))
            sp = w.PrimitiveValue.IsNumber ? JsValue.FromNumber(Conversions.ToNumber(sp)) : JsValue.FromString(Conversions.ToString(sp));
        string gap = sp.IsNumber ? new string(' ', (int)Math.Clamp(Conversions.ToIntegerOrInfinity(sp), 0, 10))
            : sp.IsString ? (sp.AsString().Length > 10 ? sp.AsString()[..10] : sp.AsString()) : "";
        var s = new JsonSerializer(realm, fn, list, gap);
        var wrapper = realm.NewObject();
        wrapper.FastSet("", value);
        var sb = new StringBuilder();
        return s.SerializeProperty(sb, wrapper, "") ? JsValue.FromString(sb.ToString()) : JsValue.Undefined;
    }

    /// <summary>SerializeJSONProperty (§25.5.2.2); false when the value serializes to undefined.</summary>
    private bool SerializeProperty(StringBuilder sb, JsObject holder, PropertyKey key)
    {
        Throw.IfStackLow();
        var value = holder.Get(key);
        if (value.IsObject || value.IsBigInt)
        {
            var toJson = Interpreter.Machine.GetNamedSlow(_realm, value, "toJSON", null);
            if (toJson._ref is JsFunction tj) value = tj.Call(value, [key.ToJsValue()]);
        }
        if (_replacer is not null) value = _replacer.Call(JsValue.FromObject(holder), [key.ToJsValue(), value]);
        if (value._ref is JsPrimitiveWrapper w)
        {
            if (w.PrimitiveValue.IsNumber) value = JsValue.FromNumber(Conversions.ToNumber(value));
            else if (w.PrimitiveValue.IsString) value = JsValue.FromString(Conversions.ToString(value));
            else if (w.PrimitiveValue.IsBoolean || w.PrimitiveValue.IsBigInt) value = w.PrimitiveValue;
        }
        switch (value.Kind)
        {
            case JsValueKind.Null: sb.Append("null"); return true;
            case JsValueKind.Boolean: sb.Append(value.AsBoolean() ? "true" : "false"); return true;
            case JsValueKind.String: Quote(sb, value.AsString()); return true;
            case JsValueKind.Number:
                sb.Append(double.IsFinite(value.AsNumber()) ? NumberFormatting.ToJsString(value.AsNumber()) : "null");
                return true;
            case JsValueKind.BigInt: Throw.TypeError("Do not know how to serialize a BigInt"); return false;
            case JsValueKind.Object when !value.IsCallable:
                if (ArrayConstructor.IsArray(value)) SerializeArray(sb, value.AsObject());
                else SerializeObject(sb, value.AsObject());
                return true;
            default: return false;
        }
    }

    /// <summary>QuoteJSONString (§25.5.2.3).</summary>
    private static void Quote(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]))))
                        sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    private void Enter(JsObject o)
    {
        foreach (var x in _stack)
            if (ReferenceEquals(x, o)) Throw.TypeError("Converting circular structure to JSON");
        _stack.Add(o);
    }

    private void SerializeObject(StringBuilder sb, JsObject o)
    {
        Enter(o);
        string stepback = _indent;
        _indent += _gap;
        var keys = _propertyList ?? EnumerableKeys(o);
        bool any = false;
        sb.Append('{');
        foreach (var key in keys)
        {
            int mark = sb.Length;
            if (any) sb.Append(',');
            if (_gap.Length > 0) sb.Append('\n').Append(_indent);
            Quote(sb, key.Name);
            sb.Append(_gap.Length > 0 ? ": " : ":");
            if (SerializeProperty(sb, o, key)) any = true;
            else sb.Length = mark;
        }
        if (any && _gap.Length > 0) sb.Append('\n').Append(stepback);
        sb.Append('}');
        _stack.RemoveAt(_stack.Count - 1);
        _indent = stepback;
    }

    private static List<PropertyKey> EnumerableKeys(JsObject o)
    {
        var list = new List<PropertyKey>();
        foreach (var key in o.OwnPropertyKeys())
            if (!key.IsSymbol && o.GetOwnProperty(key, out var d) && d.Enumerable) list.Add(key);
        return list;
    }

    private void SerializeArray(StringBuilder sb, JsObject a)
    {
        Enter(a);
        string stepback = _indent;
        _indent += _gap;
        long len = ArrayOps.Length(a);
        sb.Append('[');
        for (long i = 0; i < len; i++)
        {
            if (i > 0) sb.Append(',');
            if (_gap.Length > 0) sb.Append('\n').Append(_indent);
            if (!SerializeProperty(sb, a, ArrayOps.Key(i))) sb.Append("null");
        }
        if (len > 0 && _gap.Length > 0) sb.Append('\n').Append(stepback);
        sb.Append(']');
        _stack.RemoveAt(_stack.Count - 1);
        _indent = stepback;
        if (sb.Length > JsRope.MaxStringLength) Throw.RangeError("Invalid string length");
    }
}
