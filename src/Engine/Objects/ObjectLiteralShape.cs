namespace DualEngine.Engine.Objects;

/// <summary>
/// The shape an object literal reaches after its leading run of plain `key: value` properties (static keys, no
/// duplicates, no <c>__proto__</c>), computed once when the literal is compiled. The interpreter then creates
/// the object at that shape with an exact-size slot array filled from the operand stack
/// (<see cref="Compiler.OpCode.NewObjectLiteral"/>), instead of looking up and adding each key in turn.
/// That is unobservable: no script code can reach the object before the literal's evaluation completes, and
/// CreateDataPropertyOrThrow (§13.2.5.5) of distinct new keys on a fresh ordinary object always appends a
/// writable, enumerable, configurable data property, which is what the transition tree records.
/// Shapes hold no realm state, so one template serves every realm and engine running the code.
/// </summary>
internal sealed class ObjectLiteralShape
{
    public readonly Shape Shape;
    public readonly int Count;
    /// <summary>Some key is an array index (for <see cref="JsObject.MayHaveElements"/>).</summary>
    public readonly bool HasIndexedKeys;

    /// <summary>For literals that start with anything else (or are empty): a plain new object.</summary>
    public static readonly ObjectLiteralShape Empty = new([]);

    /// <summary>The most keys compiled this way; later properties of the literal are added one by one.</summary>
    public const int MaxKeys = 16;

    public ObjectLiteralShape(IReadOnlyList<string> keys)
    {
        var shape = Shape.Empty;
        foreach (var k in keys)
        {
            PropertyKey key = k;
            if (key.IsArrayIndex) HasIndexedKeys = true;
            shape = shape.Add(key, PropertyFlags.Default);
        }
        Shape = shape;
        Count = keys.Count;
    }
}
