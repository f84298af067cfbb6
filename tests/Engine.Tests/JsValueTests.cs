namespace DualEngine.Engine.Tests;

/// <summary>The two-word encoding of JsValue: tags below the first number word, numbers as complemented bits.</summary>
public class JsValueTests
{
    [Fact]
    public void DefaultIsUndefinedAndTagsAreDistinct()
    {
        Assert.Equal(JsValueKind.Undefined, default(JsValue).Kind);
        Assert.True(default(JsValue).IsUndefined);
        Assert.Equal(JsValueKind.Null, JsValue.Null.Kind);
        Assert.True(JsValue.True.IsBoolean && JsValue.True.AsBoolean());
        Assert.True(JsValue.False.IsBoolean && !JsValue.False.AsBoolean());
        Assert.False(JsValue.True.IsNumber);
        Assert.Equal(JsValueKind.String, JsValue.FromString("").Kind);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.0)]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.Epsilon)]
    [InlineData(-double.MaxValue)]
    public void NumbersRoundTripBitForBit(double d)
    {
        var v = JsValue.FromNumber(d);
        Assert.True(v.IsNumber);
        Assert.Equal(JsValueKind.Number, v.Kind);
        Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(v.AsNumber()));
    }

    [Theory]
    [InlineData(-1L)]                    // all ones: its complement would be the undefined word
    [InlineData(-8L)]                    // ...FFF8: its complement would be the Object tag (7)
    [InlineData(0x7FF0000000000001L)]    // a signalling NaN
    [InlineData(unchecked((long)0xFFF8000000000000UL))]
    public void EveryNaNIsANumber(long bits)
    {
        var v = JsValue.FromNumber(BitConverter.Int64BitsToDouble(bits));
        Assert.True(v.IsNumber);
        Assert.True(double.IsNaN(v.AsNumber()));
    }

    [Fact]
    public void ScriptsSeeTheSameValues()
    {
        var realm = TestHost.NewRealm();
        Assert.Equal("true,false,-Infinity,true,false,1,0,true",
            realm.Evaluate("[true, !true, 1 / -0, Object.is(NaN, 0 / 0), Object.is(0, -0), true + 0, false | 0, [true][0] === true].join()", "v.js").ToString());
    }
}
