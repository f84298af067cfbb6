using System.Numerics;

namespace DualEngine.Engine.Values;

/// <summary>A BigInt value (§6.1.6.2), held by reference so <see cref="JsValue"/> stays one double wide.</summary>
internal sealed class JsBigInt(BigInteger value)
{
    public BigInteger Value { get; } = value;
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
