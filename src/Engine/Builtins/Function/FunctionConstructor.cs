using System.Text;
using DualEngine.Syntax.Parsing;

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

    /// <summary>
    /// %GeneratorFunction%, %AsyncFunction% and %AsyncGeneratorFunction% (§27.3.1, §27.7.1, §27.4.1): not globals, reached
    /// through their prototypes' "constructor". Runs after GeneratorPrototypes.Install has made those prototypes.
    /// </summary>
    public static void InstallDynamicFunctionConstructors(Realm realm)
    {
        var i = realm.Intrinsics;
        DefineDynamicFunctionConstructor(realm, "GeneratorFunction", i.GeneratorFunctionPrototype, DynamicFunctionKind.Generator);
        DefineDynamicFunctionConstructor(realm, "AsyncFunction", i.AsyncFunctionPrototype, DynamicFunctionKind.Async);
        DefineDynamicFunctionConstructor(realm, "AsyncGeneratorFunction", i.AsyncGeneratorFunctionPrototype, DynamicFunctionKind.AsyncGenerator);
    }

    private static void DefineDynamicFunctionConstructor(Realm realm, string name, JsObject prototype, DynamicFunctionKind kind)
    {
        // [[Prototype]] is %Function% (§27.3.2 etc.); "prototype" is fixed, the prototype's "constructor" is configurable only.
        var ctor = new BuiltinFunction(realm, name, 1,
            (Realm r, in JsValue t, ReadOnlySpan<JsValue> a, JsObject? nt) => CreateDynamicFunction(r, a, nt, kind),
            realm.Intrinsics.FunctionConstructor);
        ctor.FastSet("prototype", JsValue.FromObject(prototype), PropertyFlags.None);
        prototype.FastSet("constructor", JsValue.FromObject(ctor), PropertyFlags.Configurable);
    }

    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget) =>
        CreateDynamicFunction(realm, args, newTarget, DynamicFunctionKind.Normal);

    /// <summary>
    /// CreateDynamicFunction (§20.2.1.1.1). The parameters (joined with ",") and the body are each parsed alone, then
    /// the source text prefix + " anonymous(" + P + "\n) {\n" + body + "\n}" (Parser.ParseDynamicFunction); that text
    /// is what Function.prototype.toString returns. The function is made in the global environment (evaluated as a
    /// one-expression script) and has no binding of its own name; SetFunctionName gives it "anonymous".
    /// </summary>
    private static JsValue CreateDynamicFunction(Realm realm, ReadOnlySpan<JsValue> args, JsObject? newTarget, DynamicFunctionKind kind)
    {
        var parameters = new StringBuilder();
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (i > 0) parameters.Append(',');
            parameters.Append(Conversions.ToString(args[i]));
        }
        string body = args.Length > 0 ? Conversions.ToString(args[^1]) : "";
        DynamicFunction parsed;
        try
        {
            parsed = Parser.ParseDynamicFunction(parameters.ToString(), body, kind, "<anonymous>");
        }
        catch (Syntax.JsSyntaxException e)
        {
            return Throw.SyntaxErrorValue<JsValue>(e.Description);
        }
        var fn = parsed.Function;
        fn.Id = null;
        var program = new Syntax.Ast.Program
        {
            SourceText = parsed.SourceText, FileName = "<anonymous>", Start = 0, End = parsed.SourceText.Length, Line = 1, Column = 1,
        };
        program.Body.Add(new Syntax.Ast.ExpressionStatement { Expression = fn, Start = fn.Start, End = fn.End, Line = fn.Line, Column = fn.Column });
        var value = realm.EvaluateProgram(program, "<anonymous>", parsed.SourceText);
        var closure = (JsClosure)value.AsObject();
        closure.Code.Name = "anonymous"; // this code is the closure's alone and has just been compiled (for stack traces)
        closure.FastSet("name", JsValue.FromString("anonymous"), PropertyFlags.Configurable);
        // GetPrototypeFromConstructor (step 26); without new, newTarget is the constructor itself, whose fixed
        // "prototype" is the default the closure already has.
        if (newTarget is not null)
        {
            var proto = JsFunction.GetPrototypeFromConstructor(newTarget, kind switch
            {
                DynamicFunctionKind.Generator => static i => i.GeneratorFunctionPrototype,
                DynamicFunctionKind.Async => static i => i.AsyncFunctionPrototype,
                DynamicFunctionKind.AsyncGenerator => static i => i.AsyncGeneratorFunctionPrototype,
                _ => static i => i.FunctionPrototype,
            });
            closure.SetPrototypeOf(proto);
        }
        return value;
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
