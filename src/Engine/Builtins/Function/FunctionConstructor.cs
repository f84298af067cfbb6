using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>The Function constructor (§20.2.1) and Function.prototype (§20.2.3).</summary>
internal static class FunctionConstructor
{
    public static void Install(Realm realm)
    {
        var proto = realm.Intrinsics.FunctionPrototype;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Function", 1, Construct, proto);
        realm.Intrinsics.FunctionConstructor = ctor;
        proto.DefineMethod(realm, "call", 1, Call);
        proto.DefineMethod(realm, "apply", 2, Apply);
        proto.DefineMethod(realm, "bind", 1, Bind);
        proto.DefineMethod(realm, "toString", 0, ToStringMethod);
        // AddRestrictedFunctionProperties (§10.2.4): "caller" and "arguments" throw on Function.prototype.
        proto.FastAccessor("caller", realm.Intrinsics.ThrowTypeError, realm.Intrinsics.ThrowTypeError, PropertyFlags.Configurable);
        proto.FastAccessor("arguments", realm.Intrinsics.ThrowTypeError, realm.Intrinsics.ThrowTypeError, PropertyFlags.Configurable);
        proto.DefineMethod(realm, WellKnownSymbols.HasInstance, "[Symbol.hasInstance]", 1,
            (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(Operators.OrdinaryHasInstance(t, a.At(0))), PropertyFlags.None);
    }

    /// <summary>CreateDynamicFunction (§20.2.1.1.1): parses "(function anonymous(params\n) {\nbody\n})" as a script.</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        var parameters = new StringBuilder();
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (i > 0) parameters.Append(',');
            parameters.Append(Conversions.ToString(args[i]));
        }
        string body = args.Length > 0 ? Conversions.ToString(args[^1]) : "";
        string source = "(function anonymous(" + parameters + "\n) {\n" + body + "\n})";
        Syntax.Ast.Program program;
        try
        {
            program = Syntax.Parsing.Parser.ParseScript(source, new Syntax.ParserOptions { FileName = "<anonymous>" });
        }
        catch (Syntax.JsSyntaxException e)
        {
            return Throw.SyntaxErrorValue<JsValue>(e.Description);
        }
        return realm.EvaluateProgram(program, "<anonymous>", source);
    }

    private static JsFunction ThisFunction(in JsValue thisValue, string method) =>
        thisValue._ref as JsFunction ?? Throw.TypeError<JsFunction>($"Function.prototype.{method} called on a non-function");

    /// <summary>Function.prototype.call (§20.2.3.3).</summary>
    private static JsValue Call(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var fn = ThisFunction(thisValue, "call");
        return fn.Call(args.At(0), args.Length > 1 ? args[1..] : ReadOnlySpan<JsValue>.Empty);
    }

    /// <summary>Function.prototype.apply (§20.2.3.1).</summary>
    private static JsValue Apply(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var fn = ThisFunction(thisValue, "apply");
        var argArray = args.At(1);
        if (argArray.IsNullish) return fn.Call(args.At(0), ReadOnlySpan<JsValue>.Empty);
        return fn.Call(args.At(0), CreateListFromArrayLike(argArray));
    }

    /// <summary>CreateListFromArrayLike (§7.3.19).</summary>
    internal static JsValue[] CreateListFromArrayLike(in JsValue value)
    {
        if (!value.IsObject) return Throw.TypeError<JsValue[]>("CreateListFromArrayLike called on non-object");
        if (value._ref is JsArray arr) return arr.ToArgumentArray();
        var o = value.AsObject();
        long len = Conversions.ToLength(o.Get("length"));
        if (len > 10_000_000) Throw.RangeError("Too many arguments in function call");
        var list = new JsValue[len];
        for (uint i = 0; i < len; i++) list[i] = o.Get(PropertyKey.FromIndex(i));
        return list;
    }

    /// <summary>Function.prototype.bind (§20.2.3.2).</summary>
    private static JsValue Bind(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var target = ThisFunction(thisValue, "bind");
        var bound = new BoundFunction(realm, target, args.At(0), args.Length > 1 ? args[1..].ToArray() : []);
        double length = 0;
        if (target.HasOwnProperty("length"))
        {
            var l = target.Get("length");
            if (l.IsNumber)
            {
                double d = l.AsNumber();
                length = double.IsPositiveInfinity(d) ? d : double.IsNegativeInfinity(d) ? 0 : Math.Max(0, Conversions.ToIntegerOrInfinity(l) - Math.Max(0, args.Length - 1));
            }
        }
        var name = target.Get("name");
        bound.FastSet("length", JsValue.FromNumber(length), PropertyFlags.Configurable);
        bound.FastSet("name", JsValue.FromString("bound " + (name.IsString ? name.AsString() : "")), PropertyFlags.Configurable);
        return JsValue.FromObject(bound);
    }

    /// <summary>Function.prototype.toString (§20.2.3.5): the source text for compiled functions.</summary>
    private static JsValue ToStringMethod(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var fn = ThisFunction(thisValue, "toString");
        return JsValue.FromString(fn.DisplayString());
    }
}
