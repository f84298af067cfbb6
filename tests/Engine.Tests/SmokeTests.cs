namespace DualEngine.Engine.Tests;

public class SmokeTests
{
    [Fact] public void Arithmetic() => Assert.Equal("7", TestHost.Run("1 + 2 * 3"));
    [Fact] public void StringConcat() => Assert.Equal("ab1", TestHost.Run("'a' + 'b' + 1"));
    [Fact] public void Variables() => Assert.Equal("6", TestHost.Run("var a = 1; let b = 2; const c = 3; a + b + c"));
    [Fact] public void Functions() => Assert.Equal("120", TestHost.Run("function f(n) { return n <= 1 ? 1 : n * f(n - 1); } f(5)"));
}
