using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>The four constructors of §20.2.1.1.1 CreateDynamicFunction.</summary>
public enum DynamicFunctionKind : byte { Normal, Generator, Async, AsyncGenerator }

/// <summary>Result of parsing `new Function(...)`: the function and the synthesized source text its positions refer to.</summary>
public sealed record DynamicFunction(FunctionExpression Function, string SourceText);

public sealed partial class Parser
{
    /// <summary>
    /// Parses the pieces given to `Function` / `GeneratorFunction` / `AsyncFunction` /
    /// `AsyncGeneratorFunction` (§20.2.1.1.1 CreateDynamicFunction): the parameter text and body
    /// text must each be valid on their own (so `new Function("/*", "*/){")` fails), then the
    /// assembled `function anonymous(P\n) {\nbody\n}` is parsed. Dynamic functions are sloppy
    /// unless their body says "use strict".
    /// </summary>
    public static DynamicFunction ParseDynamicFunction(string parameters, string body, DynamicFunctionKind kind, string? fileName = null)
    {
        bool isAsync = kind is DynamicFunctionKind.Async or DynamicFunctionKind.AsyncGenerator;
        bool isGenerator = kind is DynamicFunctionKind.Generator or DynamicFunctionKind.AsyncGenerator;
        var options = new ParserOptions { FileName = fileName };
        string bodyText = "\n" + body + "\n";

        new Parser(parameters, options, module: false).ParseStandalone(isAsync, isGenerator, parametersOnly: true);
        new Parser(bodyText, options, module: false).ParseStandalone(isAsync, isGenerator, parametersOnly: false);

        string prefix = kind switch
        {
            DynamicFunctionKind.Normal => "function",
            DynamicFunctionKind.Generator => "function*",
            DynamicFunctionKind.Async => "async function",
            _ => "async function*",
        };
        string source = prefix + " anonymous(" + parameters + "\n) {" + bodyText + "}";
        var whole = new Parser(source, options, module: false);
        return new DynamicFunction(whole.ParseSingleFunction(isAsync), source);
    }

    private void InitTopLevel()
    {
        _fn = new FnCtx(null, FnKind.Program);
        _scope = new Scope(null, ScopeKind.Script);
        Next();
    }

    private void ParseStandalone(bool isAsync, bool isGenerator, bool parametersOnly)
    {
        InitTopLevel();
        _fn = new FnCtx(_fn, FnKind.Function) { Async = isAsync, Generator = isGenerator, AllowReturn = true };
        _scope = new Scope(_scope, ScopeKind.Function) { Params = new HashSet<string>() };
        if (parametersOnly)
        {
            var ps = ParseFormalParameters(MethodKind.Method, standalone: true);
            ValidateParameters(ps, IsSimpleParameterList(ps), allowDuplicates: IsSimpleParameterList(ps));
        }
        else
        {
            ParseDirectivesAndBody(new List<Statement>(), TokenType.EOF, topLevel: false);
        }
        if (Type != TokenType.EOF) throw Unexpected("end of input");
    }

    private FunctionExpression ParseSingleFunction(bool isAsync)
    {
        InitTopLevel();
        var m = M();
        if (isAsync) Next();
        var fn = (FunctionExpression)ParseFunctionExpression(m, isAsync);
        if (Type != TokenType.EOF) throw Unexpected("end of input");
        return fn;
    }
}
