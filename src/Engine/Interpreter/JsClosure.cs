using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>
/// An ECMAScript function object (§10.2) made from compiled code and the environment it closed over.
/// [[Call]] and [[Construct]] run it on the interpreter.
/// </summary>
internal sealed class JsClosure : JsFunction
{
    public readonly FunctionCode Code;
    public readonly Env? Env;
    /// <summary>[[HomeObject]] (§10.2): the object whose prototype `super` refers to.</summary>
    public JsObject? HomeObject;
    /// <summary>[[Fields]] of a class constructor, as one compiled initializer (§15.7.14 step 29).</summary>
    public JsClosure? FieldInitializer;

    public JsClosure(Realm realm, FunctionCode code, Env? env, JsObject prototype) : base(realm, prototype)
    {
        Code = code;
        Env = env;
        MemoryBudget.Account(64);
        InitLengthAndName(code.Length, code.Name);
        // MakeConstructor (§10.2.5) for ordinary functions; generators get a prototype without "constructor" (§15.5.4).
        if (code.Kind == FunctionKind.Normal && !code.IsAsync && !code.IsGenerator)
        {
            var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
            proto.FastSet("constructor", JsValue.FromObject(this), PropertyFlags.Hidden);
            FastSet("prototype", JsValue.FromObject(proto), PropertyFlags.Writable);
        }
        else if (code.IsGenerator)
        {
            var protoParent = code.IsAsync ? realm.Intrinsics.AsyncGeneratorPrototype : realm.Intrinsics.GeneratorPrototype;
            FastSet("prototype", JsValue.FromObject(new JsObject(protoParent)), PropertyFlags.Writable);
        }
    }

    public override bool IsConstructor =>
        Code.Kind is FunctionKind.ClassConstructor or FunctionKind.DerivedConstructor
        || (Code.Kind == FunctionKind.Normal && !Code.IsAsync && !Code.IsGenerator);

    public override JsValue Call(in JsValue thisValue, ReadOnlySpan<JsValue> args) =>
        Realm.Engine.Machine.CallClosure(this, thisValue, args);

    public override JsValue Construct(ReadOnlySpan<JsValue> args, JsObject newTarget) =>
        Realm.Engine.Machine.Construct(this, args, newTarget);

    public override string DisplayString() =>
        Code.Source is not null && Code.SourceEnd > Code.SourceStart && Code.Kind != FunctionKind.Script
            ? Code.Source[Code.SourceStart..Code.SourceEnd]
            : "function " + DebugName + "() { [native code] }";
}
