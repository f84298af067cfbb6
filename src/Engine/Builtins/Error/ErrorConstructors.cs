namespace DualEngine.Engine.Builtins;

/// <summary>Error and the NativeError constructors (§20.5.1-6), and AggregateError (§20.5.7).</summary>
internal static class ErrorConstructors
{
    private static readonly string[] Names = ["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"];

    public static void Install(Realm realm)
    {
        var i = realm.Intrinsics;
        var errorProto = new JsObject(i.ObjectPrototype);
        i.ErrorPrototype = errorProto;
        i.ErrorPrototypes[0] = errorProto;
        var errorCtor = ObjectBuilding.DefineConstructor(realm, "Error", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a, JsObject? nt) => Construct(r, a, nt, ErrorType.Error), errorProto);
        i.ErrorConstructors[0] = errorCtor;
        errorProto.FastSet("name", JsValue.FromString("Error"), PropertyFlags.Hidden);
        errorProto.FastSet("message", JsValue.EmptyString, PropertyFlags.Hidden);
        errorProto.DefineMethod(realm, "toString", 0, ToStringMethod);
        errorCtor.DefineMethod(realm, "captureStackTrace", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            // V8 extension used by Deno's runtime JS: give any object a "stack".
            if (a.At(0).IsObject)
            {
                var frames = r.Engine.Machine.CaptureStack();
                var o = a.At(0).AsObject();
                string head = o is JsErrorObject e ? e.HeadLine() : Conversions.ToString(ObjectPrototype.ToStringMethod(r, a.At(0), ReadOnlySpan<JsValue>.Empty));
                o.FastSet("stack", JsValue.FromString(head + string.Concat(frames.Select(f => "\n" + f))), PropertyFlags.Hidden);
            }
            return JsValue.Undefined;
        });
        errorCtor.FastSet("stackTraceLimit", JsValue.FromNumber(10));
        // Error.isError (ES2026 proposal, shipped by V8): true for objects with [[ErrorData]].
        errorCtor.DefineMethod(realm, "isError", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(a.At(0)._ref is JsErrorObject));

        for (int k = 1; k < Names.Length; k++)
        {
            var type = (ErrorType)k;
            var proto = new JsObject(errorProto);
            i.ErrorPrototypes[k] = proto;
            var ctor = ObjectBuilding.DefineConstructor(realm, Names[k], type == ErrorType.AggregateError ? 2 : 1,
                (Realm r, in JsValue t, ReadOnlySpan<JsValue> a, JsObject? nt) => Construct(r, a, nt, type), proto, errorCtor);
            i.ErrorConstructors[k] = ctor;
            proto.FastSet("name", JsValue.FromString(Names[k]), PropertyFlags.Hidden);
            proto.FastSet("message", JsValue.EmptyString, PropertyFlags.Hidden);
        }
    }

    /// <summary>Error(message, options) (§20.5.1.1), NativeError (§20.5.6.1.1), AggregateError(errors, message, options) (§20.5.7.1.1).</summary>
    private static JsValue Construct(Realm realm, ReadOnlySpan<JsValue> args, JsObject? newTarget, ErrorType type)
    {
        var ctor = newTarget ?? realm.Intrinsics.ErrorConstructors[(int)type];
        int t = (int)type;
        var proto = JsFunction.GetPrototypeFromConstructor(ctor, i => i.ErrorPrototypes[t]);
        var error = new JsErrorObject(proto);
        int offset = type == ErrorType.AggregateError ? 1 : 0;
        var message = args.At(offset);
        if (!message.IsUndefined) error.FastSet("message", JsValue.FromString(Conversions.ToString(message)), PropertyFlags.Hidden);
        var options = args.At(offset + 1);
        if (options.IsObject && options.AsObject().HasProperty("cause"))
            error.FastSet("cause", options.AsObject().Get("cause"), PropertyFlags.Hidden);
        if (type == ErrorType.AggregateError)
        {
            var list = realm.NewArray();
            var rec = Interpreter.IteratorRecord.From(realm, args.At(0));
            while (rec.Step(out var v)) list.Push(v);
            error.FastSet("errors", JsValue.FromObject(list), PropertyFlags.Hidden);
        }
        error.CaptureStack(realm.Engine.Machine.CaptureStack());
        return JsValue.FromObject(error);
    }

    /// <summary>Error.prototype.toString (§20.5.3.4).</summary>
    private static JsValue ToStringMethod(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (!thisValue.IsObject) Throw.TypeError("Error.prototype.toString called on non-object");
        var o = thisValue.AsObject();
        var n = o.Get("name");
        string name = n.IsUndefined ? "Error" : Conversions.ToString(n);
        var m = o.Get("message");
        string msg = m.IsUndefined ? "" : Conversions.ToString(m);
        if (name.Length == 0) return JsValue.FromString(msg);
        if (msg.Length == 0) return JsValue.FromString(name);
        return JsValue.FromString(name + ": " + msg);
    }
}
