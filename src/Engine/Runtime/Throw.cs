using System.Diagnostics.CodeAnalysis;

namespace DualEngine.Engine.Runtime;

/// <summary>
/// Throws ECMAScript errors from anywhere in the engine through one helper, so call sites stay one line
/// and hot paths stay small. The error object is created lazily, in the realm of the code that catches it
/// (see <see cref="JsThrowable.GetValue"/>), so helpers deep in the object model need no realm.
/// </summary>
internal static class Throw
{
    [DoesNotReturn] public static void TypeError(string message) => throw new JsThrowable(ErrorType.TypeError, message);
    [DoesNotReturn] public static void RangeError(string message) => throw new JsThrowable(ErrorType.RangeError, message);
    [DoesNotReturn] public static void ReferenceError(string message) => throw new JsThrowable(ErrorType.ReferenceError, message);
    [DoesNotReturn] public static void SyntaxError(string message) => throw new JsThrowable(ErrorType.SyntaxError, message);
    [DoesNotReturn] public static void Error(ErrorType type, string message) => throw new JsThrowable(type, message);
    [DoesNotReturn] public static T TypeError<T>(string message) => throw new JsThrowable(ErrorType.TypeError, message);
    [DoesNotReturn] public static T RangeError<T>(string message) => throw new JsThrowable(ErrorType.RangeError, message);
    [DoesNotReturn] public static T SyntaxErrorValue<T>(string message) => throw new JsThrowable(ErrorType.SyntaxError, message);
    [DoesNotReturn] public static T ReferenceError<T>(string message) => throw new JsThrowable(ErrorType.ReferenceError, message);

    /// <summary>The stack-depth error V8 uses, so scripts written against V8 recognise it.</summary>
    [DoesNotReturn] public static void StackOverflow() => RangeError("Maximum call stack size exceeded");

    /// <summary>Guards unavoidable C# recursion (native→JS re-entry, the compiler's tree walk).</summary>
    public static void IfStackLow()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) StackOverflow();
    }
}

/// <summary>The native error constructors of §20.5.5 plus Error and AggregateError.</summary>
internal enum ErrorType : byte { Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError, AggregateError }
