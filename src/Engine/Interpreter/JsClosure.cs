using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>
/// An ECMAScript function object (§10.2) made from compiled code and the environment it closed over.
/// [[Call]] and [[Construct]] run it on the interpreter.
/// </summary>
internal sealed class JsClosure : JsFunction
{
    public readonly FunctionCode Code;
    public readonly JsValue[]? Env;
    /// <summary>
    /// The value of the one enclosing binding this closure's code reads as a copy (LoadCapture), taken when the
    /// closure was created; see Compiler.ScopeAnalyzer.CaptureCopies. Undefined when the code reads none.
    /// </summary>
    public JsValue Capture;
    /// <summary>[[HomeObject]] (§10.2): the object whose prototype `super` refers to.</summary>
    public JsObject? HomeObject;
    /// <summary>[[Fields]] of a class constructor, as one compiled initializer (§15.7.14 step 29).</summary>
    public JsClosure? FieldInitializer;

    public JsClosure(Realm realm, FunctionCode code, JsValue[]? env, JsObject prototype)
        : base(realm, prototype, HasPrototypeProperty(code) ? LengthNamePrototypeShape : LengthNameShape, InitialSlots(code))
    {
        Code = code;
        Env = env;
        // OrdinaryFunctionCreate + SetFunctionLength/SetFunctionName (§10.2.3, §10.2.9-10): the new function starts
        // directly at the shared shape those steps reach, with an exact-size (or shared) slot array.
        if (code.Kind == FunctionKind.Normal && !code.IsAsync && !code.IsGenerator)
        {
            // MakeConstructor (§10.2.5): a fresh prototype object whose "constructor" is this function.
            _slots[2] = JsValue.FromObject(new JsObject(realm.Intrinsics.ObjectPrototype, ConstructorShape, [JsValue.FromObject(this)], false));
            MemoryBudget.Account(realm.Engine, 240);
        }
        else if (code.IsGenerator)
        {
            // Generators get a prototype without "constructor" (§15.5.4).
            var protoParent = code.IsAsync ? realm.Intrinsics.AsyncGeneratorPrototype : realm.Intrinsics.GeneratorPrototype;
            _slots[2] = JsValue.FromObject(new JsObject(protoParent));
            MemoryBudget.Account(realm.Engine, 200);
        }
        else
        {
            // Arrows, methods, accessors, async functions, class constructors: "length" and "name" only, the same
            // values for every closure of this code, so they share one slot array until one of them changes it.
            _sharedSlots = true;
            MemoryBudget.Account(realm.Engine, 88);
        }
    }

    /// <summary>Ordinary functions (MakeConstructor) and generators have an own "prototype"; arrows, methods, accessors, async functions and classes (added later) do not.</summary>
    private static bool HasPrototypeProperty(FunctionCode code) =>
        code.IsGenerator || (code.Kind == FunctionKind.Normal && !code.IsAsync);

    private static JsValue[] InitialSlots(FunctionCode code) =>
        HasPrototypeProperty(code)
            ? [JsValue.FromNumber(code.Length), JsValue.FromString(code.Name), default]
            : code.SharedFunctionSlots ??= [JsValue.FromNumber(code.Length), JsValue.FromString(code.Name)];

    private static readonly Shape LengthNamePrototypeShape = LengthNameShape.Add("prototype", PropertyFlags.Writable);
    private static readonly Shape ConstructorShape = Shape.Empty.Add("constructor", PropertyFlags.Hidden);

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
