using DualEngine.Engine.Builtins;
using DualEngine.Engine.Compiler;
using DualEngine.Engine.Interpreter;
using DualEngine.Syntax;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Engine;

/// <summary>
/// A realm (§9.3): the global object, the intrinsics, the top-level lexical bindings and the job queue.
/// Scripts evaluated in one realm share its globals.
/// </summary>
public sealed partial class Realm
{
    internal Realm(JsEngine engine)
    {
        Engine = engine;
        Intrinsics = new Intrinsics();
        var objectPrototype = new JsObject(null) { _immutablePrototype = true };
        Intrinsics.ObjectPrototype = objectPrototype;
        var functionPrototype = new BuiltinFunction(this, objectPrototype, static (Realm _, in JsValue _, ReadOnlySpan<JsValue> _) => JsValue.Undefined);
        functionPrototype.InitLengthAndName(0, "");
        Intrinsics.FunctionPrototype = functionPrototype;
        GlobalObject = new JsObject(objectPrototype);
        Intrinsics.ThrowTypeError = new BuiltinFunction(this, "", 0, static (Realm _, in JsValue _, ReadOnlySpan<JsValue> _) =>
            Throw.TypeError<JsValue>("'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them"));
        // %ThrowTypeError% (§10.2.4.1): "length" and "name" are non-configurable and the function is frozen
        // (non-extensible, every own property non-configurable and non-writable).
        ObjectConstructorFunctions.SetIntegrityLevel(Intrinsics.ThrowTypeError, frozen: true);
        GlobalSetup.Install(this);
    }

    internal JsEngine Engine { get; }
    internal Intrinsics Intrinsics { get; }
    internal JsObject GlobalObject { get; }
    internal readonly Dictionary<string, GlobalLexical> GlobalLexicals = new();
    /// <summary>Bumped whenever a top-level lexical binding is declared, invalidating cached global lookups.</summary>
    internal int LexicalEpoch;

    // ---- host API ----

    /// <summary>
    /// Evaluates a classic script (§16.1.6 ScriptEvaluation) and returns its completion value.
    /// Uncaught errors, syntax errors and terminations throw <see cref="JsEngineException"/>.
    /// Promise jobs queued by the script run at <see cref="RunMicrotasks"/>.
    /// </summary>
    public JsValue Evaluate(string source, string fileName = "<eval>")
    {
        return HostEntry(() =>
        {
            Syntax.Ast.Program program;
            try
            {
                program = Parser.ParseScript(source, new ParserOptions { FileName = fileName });
            }
            catch (JsSyntaxException e)
            {
                throw new JsEngineException("SyntaxError", e.Description, $"SyntaxError: {e.Description}\n    at {fileName}:{e.Line}:{e.Column}",
                    fileName, e.Line, e.Column, JsValue.Undefined, isErrorObject: true, isTermination: false);
            }
            return EvaluateProgram(program, fileName, source);
        });
    }

    internal JsValue EvaluateProgram(Syntax.Ast.Program program, string fileName, string source)
    {
        var code = FunctionCompiler.CompileScript(program, fileName, source);
        GlobalDeclarationInstantiation(program);
        var frame = new Frame(code, null, this) { This = JsValue.FromObject(GlobalObject) };
        if (code.FunctionEnvSize > 0) frame.Env = Env.Create(code.FunctionEnvSize, null);
        Engine.CallDepth++;
        return Engine.Machine.Run(frame, out _);
    }

    /// <summary>Defines a global function implemented in C#.</summary>
    public void SetGlobalFunction(string name, HostFunction function, int length = 0) =>
        GlobalObject.FastSet(name, JsValue.FromObject(WrapHostFunction(name, function, length)), PropertyFlags.Hidden);

    /// <summary>Sets a global property (writable, enumerable, configurable).</summary>
    public void SetGlobal(string name, JsValue value) => GlobalObject.FastSet(name, value);

    /// <summary>Reads a global property (undefined when missing; getters run).</summary>
    public JsValue GetGlobal(string name) => HostEntry(() => GlobalObject.Get(name));

    /// <summary>Calls a JS function value with <paramref name="thisValue"/> and arguments.</summary>
    public JsValue Call(JsValue function, JsValue thisValue, params JsValue[] args)
    {
        if (function._ref is not JsFunction fn) throw new ArgumentException("not a function", nameof(function));
        return HostEntry(() => fn.Call(thisValue, args));
    }

    /// <summary>Reads a property of an object value (for hosts inspecting results).</summary>
    public JsValue GetProperty(JsValue target, string name) =>
        HostEntry(() => Machine.GetNamedSlow(this, target, name, null));

    /// <summary>Parses JSON text into a JS value (JSON.parse).</summary>
    public JsValue ParseJson(string json) => HostEntry(() => JsonParser.Parse(this, json));

    /// <summary>JSON.stringify of a value, or null when it produces undefined.</summary>
    public string? ToJson(JsValue value) => HostEntry(() => JsonSerializer.Stringify(this, value, JsValue.Undefined, JsValue.Undefined) is { IsString: true } s ? s.AsString() : null);

    /// <summary>Performs a microtask checkpoint: runs queued promise jobs until the queue is empty.</summary>
    public void RunMicrotasks() => HostEntry(() =>
    {
        while (_jobs.Count > 0)
        {
            var job = _jobs.Dequeue();
            job.Run(this);
        }
        return JsValue.Undefined;
    });

    /// <summary>Errors of promises rejected without a handler at the end of the last checkpoint, oldest first (and clears them).</summary>
    public IReadOnlyList<JsEngineException> TakeUnhandledRejections()
    {
        var list = new List<JsEngineException>();
        foreach (var p in _pendingRejections)
            if (!p.IsHandled) list.Add(ToHostException(new JsThrowable(p.Result)));
        _pendingRejections.Clear();
        return list;
    }

    /// <summary>Runs host code against the engine: limits start, engine failures become <see cref="JsEngineException"/>.</summary>
    private T HostEntry<T>(Func<T> body)
    {
        Engine.EnterHost();
        int depth = Engine.CallDepth;
        try
        {
            return body();
        }
        catch (JsThrowable ex)
        {
            throw ToHostException(ex);
        }
        catch (ScriptTerminatedException ex)
        {
            throw new JsEngineException(ex.Name, ex.Message, null, null, 0, 0, JsValue.Undefined, isErrorObject: false, isTermination: true, ex);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new JsEngineException("RangeError", "Maximum call stack size exceeded", null, null, 0, 0, JsValue.Undefined, true, false, ex);
        }
        catch (Exception ex) when (ex is InvalidCastException or NullReferenceException or IndexOutOfRangeException
            or InvalidOperationException or ArgumentException or OverflowException or KeyNotFoundException)
        {
            // An engine bug must not take the host down: report it as a script failure with the cause attached.
            throw new JsEngineException("InternalError", ex.GetType().Name + ": " + ex.Message, null, null, 0, 0, JsValue.Undefined, true, false, ex);
        }
        finally
        {
            Engine.CallDepth = depth;
            Engine.ExitHost();
        }
    }

    private JsEngineException ToHostException(JsThrowable ex)
    {
        var value = ex.GetValue(this);
        if (value._ref is JsErrorObject err)
        {
            var first = err.Frames.Length > 0 ? err.Frames[0] : default;
            string name = SafeString(err, "name", "Error");
            string message = SafeString(err, "message", "");
            var stack = err.Get("stack");
            return new JsEngineException(name, message, stack.IsString ? stack.AsString() : null, first.FileName, first.Line, first.Column,
                value, isErrorObject: true, isTermination: false, ex);
        }
        string text;
        try { text = Conversions.ToString(value); }
        catch (JsThrowable) { text = Conversions.ToDisplay(value); }
        return new JsEngineException("Uncaught", text, null, null, 0, 0, value, isErrorObject: false, isTermination: false, ex);
    }

    private static string SafeString(JsObject o, string key, string fallback)
    {
        try
        {
            var v = o.Get(key);
            return v.IsUndefined ? fallback : Conversions.ToString(v);
        }
        catch (JsThrowable)
        {
            return fallback;
        }
    }
}
