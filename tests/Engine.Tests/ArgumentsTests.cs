namespace DualEngine.Engine.Tests;

/// <summary>The arguments object (§10.4.4): mapped in sloppy functions with simple parameters, unmapped otherwise.</summary>
public class ArgumentsTests
{
    [Theory]
    // Mapped: parameter and arguments[i] alias each other both ways.
    [InlineData("function f(a) { arguments[0] = 2; return a; } f(1)", "2")]
    [InlineData("function f(a) { a = 3; return arguments[0]; } f(1)", "3")]
    [InlineData("function f(a) { var g = () => { a = 4; }; g(); return arguments[0]; } f(1)", "4")]
    // Only indices below the argument count are mapped.
    [InlineData("function f(a, b) { b = 2; return arguments.length + ':' + arguments[1]; } f(1)", "1:undefined")]
    [InlineData("function f(a, b) { arguments[1] = 5; return b; } f(1)", "undefined")]
    // Duplicate names: the last parameter of a name is mapped.
    [InlineData("function f(a, a) { arguments[1] = 'x'; arguments[0] = 'y'; return a; } f(1, 2)", "x")]
    // Deleting or redefining ends the mapping; defining a value keeps it.
    [InlineData("function f(a) { delete arguments[0]; arguments[0] = 9; return a; } f(1)", "1")]
    [InlineData("function f(a) { Object.defineProperty(arguments, '0', {value: 7}); var r = a; a = 8; return r + ',' + arguments[0]; } f(1)", "7,8")]
    [InlineData("function f(a) { Object.defineProperty(arguments, '0', {value: 7, writable: false}); a = 8; return arguments[0]; } f(1)", "7")]
    [InlineData("function f(a) { Object.defineProperty(arguments, '0', {get() { return 'g'; }}); a = 8; return arguments[0]; } f(1)", "g")]
    [InlineData("function f(a) { a = 2; return JSON.stringify(Object.getOwnPropertyDescriptor(arguments, '0')); } f(1)", "{\"value\":2,\"writable\":true,\"enumerable\":true,\"configurable\":true}")]
    // Unmapped: strict functions and non-simple parameter lists.
    [InlineData("function f(a) { 'use strict'; arguments[0] = 2; return a; } f(1)", "1")]
    [InlineData("function f(a = 0) { arguments[0] = 2; return a; } f(1)", "1")]
    [InlineData("function f(a, ...r) { a = 2; return arguments[0]; } f(1)", "1")]
    // callee: the function in sloppy simple functions, a throwing accessor otherwise.
    [InlineData("function f() { return arguments.callee === f; } f()", "true")]
    [InlineData("function f() { 'use strict'; try { arguments.callee; } catch (e) { return e.name; } } f()", "TypeError")]
    [InlineData("function f(a = 1) { try { arguments.callee; } catch (e) { return e.name; } } f()", "TypeError")]
    // The rest of the object.
    [InlineData("function f() { return [...arguments].join(); } f(1, 2, 3)", "1,2,3")]
    [InlineData("function f(a) { return Object.prototype.toString.call(arguments) + Object.keys(arguments); } f(1, 2)", "[object Arguments]0,1")]
    [InlineData("function f(a) { a = 5; return JSON.stringify(arguments) + Array.prototype.slice.call(arguments); } f(1, 2)", "{\"0\":5,\"1\":2}5,2")]
    [InlineData("function f(a) { arguments.length = 0; return [].slice.call(arguments).length + ':' + a; } f(1)", "0:1")]
    public void Arguments(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}

public class VarArgumentsTests
{
    [Theory]
    // `var arguments` does not replace the arguments object (§10.2.11: only a parameter, function or lexical declaration
    // of that name does); the var starts as the object and can be reassigned. Expected values from node.
    [InlineData("function f() { return typeof arguments; var arguments = 1; } f(1)", "object")]
    [InlineData("function f() { var arguments; return arguments.length; } f(1, 2)", "2")]
    [InlineData("function f() { var arguments = 5; return arguments; } f()", "5")]
    [InlineData("function f(a) { var arguments; arguments[0] = 9; return a; } f(1)", "9")]
    [InlineData("function f() { function arguments() {} return typeof arguments; } f()", "function")]
    [InlineData("function f(arguments) { var arguments; return arguments; } f('p')", "p")]
    [InlineData("function f() { if (false) { var arguments; } return arguments[1]; } f(1, 'two')", "two")]
    public void VarArgumentsStartsAsTheObject(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}
