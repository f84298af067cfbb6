namespace DualEngine.Engine.Runtime;

/// <summary>
/// A realm's well-known intrinsic objects (§6.1.7.4, Table 6), filled in by the builtins' Install methods.
/// Fields rather than a dictionary: every lookup is a field load.
/// </summary>
internal sealed class Intrinsics
{
    public JsObject ObjectPrototype = null!;
    public JsObject FunctionPrototype = null!;
    public JsFunction ObjectConstructor = null!;
    public JsFunction FunctionConstructor = null!;
    /// <summary>%eval%: a call of exactly this function through the name `eval` is a direct eval (§13.3.6.1).</summary>
    public JsFunction Eval = null!;
    public JsObject ArrayPrototype = null!;
    public JsFunction ArrayConstructor = null!;
    public JsObject StringPrototype = null!;
    public JsObject NumberPrototype = null!;
    public JsObject BooleanPrototype = null!;
    public JsObject SymbolPrototype = null!;
    public JsObject BigIntPrototype = null!;
    public JsObject ErrorPrototype = null!;
    public readonly JsObject[] ErrorPrototypes = new JsObject[8];
    public readonly JsFunction[] ErrorConstructors = new JsFunction[8];
    public JsObject IteratorPrototype = null!;
    public JsObject ArrayIteratorPrototype = null!;
    public JsObject StringIteratorPrototype = null!;
    public JsObject MapIteratorPrototype = null!;
    public JsObject SetIteratorPrototype = null!;
    public JsObject GeneratorPrototype = null!;
    public JsObject GeneratorFunctionPrototype = null!;
    public JsObject AsyncFunctionPrototype = null!;
    public JsObject AsyncGeneratorPrototype = null!;
    public JsObject AsyncGeneratorFunctionPrototype = null!;
    public JsObject AsyncIteratorPrototype = null!;
    public JsObject AsyncFromSyncIteratorPrototype = null!;
    public JsObject PromisePrototype = null!;
    public JsFunction PromiseConstructor = null!;
    public JsObject MapPrototype = null!;
    public JsObject SetPrototype = null!;
    public JsObject WeakMapPrototype = null!;
    public JsObject WeakSetPrototype = null!;
    public JsObject RegExpPrototype = null!;
    public JsObject DatePrototype = null!;
    public JsFunction ThrowTypeError = null!;
    public JsFunction ArrayProtoValues = null!;
    public JsFunction ParseInt = null!;
    public JsFunction ParseFloat = null!;
    public JsFunction SymbolConstructor = null!;
    public JsFunction MapConstructor = null!;
    public JsFunction SetConstructor = null!;
}
