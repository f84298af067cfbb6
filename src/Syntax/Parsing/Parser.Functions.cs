using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>Functions, generators, async functions, arrows and methods (§15.1–§15.9).</summary>
public sealed partial class Parser
{
    /// <summary>`function`/`function*`/`async function` expression; current token is `function`.</summary>
    private Expression ParseFunctionExpression(Mark m, bool isAsync)
    {
        Next(); // function
        bool isGenerator = Eat(TokenType.Star);
        var fe = At(new FunctionExpression { Async = isAsync, Generator = isGenerator }, m);
        if (Type == TokenType.Name && !(_ts && T.Value == "<"))
        {
            // The name of a function expression is bound in the function's own context (§15.2.1.1 :
            // `function* yield(){}` as an expression is an error, as a declaration in sloppy code it is not).
            var nm = M();
            string name = T.Value!;
            int pos = T.Start;
            if (T.Escaped && IsReservedWord(name)) throw Error(pos, "Keyword must not contain escaped characters");
            if (IsReservedWord(name)) throw Error(pos, $"Unexpected reserved word '{name}'");
            if ((isGenerator || Strict) && name == "yield") throw Error(pos, "'yield' is not a valid identifier here");
            if ((isAsync || _module) && name == "await") throw Error(pos, "'await' is not a valid identifier here");
            if (Strict && StrictReserved.Contains(name)) throw Error(pos, $"Unexpected strict mode reserved word '{name}'");
            Next();
            fe.Id = Finish(At(new Identifier { Name = name }, nm));
        }
        ParseFunctionRest(fe, fe.Id, FnKind.Function, isAsync, isGenerator, MethodKind.Method, out var ps, out var body, out var flags);
        fe.Params = ps;
        fe.Body = body;
        fe.Flags = flags;
        return Finish(fe);
    }

    /// <summary>
    /// Function declaration (§15.2); current token is `function` (after any `async`).
    /// <paramref name="requireName"/> is false only for `export default function`.
    /// </summary>
    private FunctionDeclaration ParseFunctionDeclaration(Mark m, bool isAsync, bool requireName, bool declare = true)
    {
        Next(); // function
        bool isGenerator = Eat(TokenType.Star);
        var fd = At(new FunctionDeclaration { Async = isAsync, Generator = isGenerator }, m);
        if (Type == TokenType.Name || requireName)
        {
            // The name belongs to the enclosing context ([?Yield, ?Await]).
            fd.Id = ParseBindingIdentifier();
        }
        ParseFunctionRest(fd, fd.Id, FnKind.Function, isAsync, isGenerator, MethodKind.Method, out var ps, out var body, out var flags);
        fd.Params = ps;
        fd.Body = body;
        fd.Flags = flags;
        Finish(fd);
        if (_ts && TsLastFunctionWasBodyless)
        {
            // Overload signature / ambient function: erased, declares nothing.
            TsBlank(fd.Start, fd.End);
            return fd;
        }
        // Declared after the body: the body cannot see this scope, and TypeScript overloads must not count.
        if (declare && fd.Id != null) DeclareFunctionName(fd.Id.Name, fd.Id.Start, isAsync || isGenerator);
        return fd;
    }

    /// <summary>Function declarations are var-like at function/script top level and lexical in blocks and modules.</summary>
    private void DeclareFunctionName(string name, int pos, bool asyncOrGenerator)
    {
        if (_scope.Kind is ScopeKind.Function or ScopeKind.Script or ScopeKind.StaticBlock)
            DeclareTopLevelFunction(name, pos);
        else if (_scope.Kind == ScopeKind.Module)
            DeclareLexical(name, pos, binding: BindingKind.Function);
        else
            DeclareLexical(name, pos, !Strict && !asyncOrGenerator ? DeclKind.SloppyBlockFunction : DeclKind.Lexical, BindingKind.Function);
    }

    /// <summary>Method / getter / setter / constructor value (§15.4).</summary>
    private FunctionExpression ParseMethodFunction(FnKind kind, bool isAsync, bool isGenerator, MethodKind methodKind)
    {
        var m = M();
        var fe = At(new FunctionExpression { Async = isAsync, Generator = isGenerator }, m);
        ParseFunctionRest(fe, null, kind, isAsync, isGenerator, methodKind, out var ps, out var body, out var flags);
        fe.Params = ps;
        fe.Body = body;
        fe.Flags = flags;
        return Finish(fe);
    }

    /// <summary>
    /// Parameters and body of any non-arrow function with its own context. Validates parameter
    /// names after the body because a "use strict" directive applies retroactively (§15.2.1.1).
    /// </summary>
    private void ParseFunctionRest(Node fn, Identifier? name, FnKind kind, bool isAsync, bool isGenerator, MethodKind methodKind,
        out List<Node> parameters, out BlockStatement body, out FunctionFlags flags)
    {
        var outerFn = _fn;
        var outerScope = _scope;
        var outerArrow = _potentialArrowAt;
        int outerCover = _coverErrorPos;
        _coverErrorPos = -1;
        _fn = new FnCtx(outerFn, kind) { Async = isAsync, Generator = isGenerator, AllowReturn = true };
        _scope = new Scope(outerScope, ScopeKind.Function) { Params = new HashSet<string>() };
        var outerProps = _tsParamProps;
        _tsParamProps = _ts && kind is FnKind.ClassConstructor or FnKind.DerivedConstructor ? new List<string>() : null;
        Enter();
        try
        {
            TsLastFunctionWasBodyless = false;
            if (_ts && Type == TokenType.Lt) SkipTsTypeParameters();
            parameters = ParseFormalParameters(methodKind);
            var props = _tsParamProps;
            _tsParamProps = null;
            if (_ts && Type == TokenType.Colon) SkipTsReturnType();
            if (_ts && TsBodylessFunction())
            {
                body = new BlockStatement { Start = T.Start, End = T.Start, Line = T.Line, Column = T.Column };
                flags = _fn.Flags;
                return;
            }
            bool simple = IsSimpleParameterList(parameters);
            body = ParseFunctionBody(simple, out bool hasUseStrict);
            if (props is { Count: > 0 }) EmitTsParameterProperties(props, body, kind == FnKind.DerivedConstructor);
            TsLastFunctionWasBodyless = false;
            ValidateParameters(parameters, simple, allowDuplicates: !Strict && simple && kind == FnKind.Function);
            if (name != null && Strict && (name.Name == "eval" || name.Name == "arguments"))
                throw Error(name.Start, "Unexpected eval or arguments in strict mode");
            if (name != null && Strict && StrictReserved.Contains(name.Name))
                throw Error(name.Start, $"Unexpected strict mode reserved word '{name.Name}'");
            flags = _fn.Flags;
            if (Strict) flags |= FunctionFlags.Strict;
            if (!simple) flags |= FunctionFlags.HasNonSimpleParameters;
            if (hasUseStrict) flags |= FunctionFlags.HasUseStrictDirective;
            var info = ToInfo(_scope, always: true);
            if (fn is FunctionDeclaration fdecl) fdecl.Scope = info;
            else if (fn is FunctionExpression fexpr) fexpr.Scope = info;
        }
        finally
        {
            Leave();
            _tsParamProps = outerProps;
            _fn = outerFn;
            _scope = outerScope;
            _potentialArrowAt = outerArrow;
            _coverErrorPos = outerCover;
        }
    }

    private static bool IsSimpleParameterList(List<Node> ps)
    {
        foreach (var p in ps) if (p is not Identifier) return false;
        return true;
    }

    /// <summary>FormalParameters (§15.1) including rest; getters take none and setters exactly one (§15.4.1).</summary>
    private List<Node> ParseFormalParameters(MethodKind methodKind, bool standalone = false)
    {
        var list = new List<Node>();
        int open = T.Start;
        // Standalone: the parameter text of `new Function(p1, p2, body)`, which ends at end of input.
        var close = standalone ? TokenType.EOF : TokenType.RParen;
        if (!standalone) Expect(TokenType.LParen);
        _fn.InParams = true;
        while (Type != close)
        {
            if (_ts && IsName("this") && list.Count == 0)
            {
                // TypeScript `this` parameter: erased.
                int thisStart = T.Start;
                Next();
                if (Type == TokenType.Colon) SkipTsTypeAnnotation();
                ExpectCommaOr(close);
                TsBlank(thisStart, _lx.PrevEnd);
                continue;
            }
            if (_ts) SkipTsParameterModifiers();
            if (Type == TokenType.Ellipsis)
            {
                var rm = M();
                Next();
                var arg = ParseBindingTarget();
                if (_ts && Type == TokenType.Question) { TsBlank(T.Start, T.End); Next(); }
                if (_ts && Type == TokenType.Colon) SkipTsTypeAnnotation();
                if (Type == TokenType.Eq) throw Error(T.Start, "Rest parameter may not have a default initializer");
                list.Add(Finish(At(new RestElement { Argument = arg }, rm)));
                if (Type != close) throw Error(T.Start, "Rest parameter must be last formal parameter");
                break;
            }
            list.Add(ParseBindingElement());
            ExpectCommaOr(close);
        }
        if (!standalone) Next();
        _fn.InParams = false;
        if (methodKind == MethodKind.Get && list.Count != 0) throw Error(open, "Getter must not have any formal parameters");
        if (methodKind == MethodKind.Set && (list.Count != 1 || list[0] is RestElement))
            throw Error(open, "Setter must have exactly one formal parameter");
        DeclareParams(list);
        return list;
    }

    private void DeclareParams(List<Node> ps)
    {
        var names = new List<Identifier>();
        foreach (var p in ps) BoundNames(p, names);
        foreach (var id in names)
        {
            _scope.Params!.Add(id.Name);
            _scope.Record(id.Name, BindingKind.Parameter);
        }
    }

    /// <summary>Duplicate and strict-mode checks on parameter names (§15.1.1, §15.2.1.1).</summary>
    private void ValidateParameters(List<Node> ps, bool simple, bool allowDuplicates)
    {
        var names = new List<Identifier>();
        foreach (var p in ps) BoundNames(p, names);
        HashSet<string>? seen = names.Count > 1 ? new HashSet<string>() : null;
        foreach (var id in names)
        {
            if (Strict)
            {
                if (id.Name == "eval" || id.Name == "arguments") throw Error(id.Start, "Unexpected eval or arguments in strict mode");
                if (StrictReserved.Contains(id.Name)) throw Error(id.Start, $"Unexpected strict mode reserved word '{id.Name}'");
            }
            if (seen != null && !seen.Add(id.Name) && (!allowDuplicates || Strict))
                throw Error(id.Start, "Duplicate parameter name not allowed in this context");
        }
    }

    /// <summary>FunctionBody with its directive prologue (§11.2.1, §15.2).</summary>
    private BlockStatement ParseFunctionBody(bool simpleParams, out bool hasUseStrict)
    {
        var m = M();
        if (Type != TokenType.LBrace) throw Unexpected("'{'");
        Next();
        var block = At(new BlockStatement(), m);
        hasUseStrict = ParseDirectivesAndBody(block.Body, TokenType.RBrace, topLevel: false, simpleParams);
        Next();
        return Finish(block);
    }

    /// <summary>
    /// Directive prologue followed by a StatementList/ModuleItemList up to <paramref name="end"/>.
    /// Returns true when a "use strict" directive was found.
    /// </summary>
    private bool ParseDirectivesAndBody(List<Statement> body, TokenType end, bool topLevel, bool simpleParams = true)
    {
        bool useStrict = false;
        int firstOctal = -1;
        while (Type == TokenType.String)
        {
            var tok = T;
            var stmt = ParseStatementListItem();
            body.Add(stmt);
            if (stmt is not ExpressionStatement es || es.Expression is not Literal lit || lit.ParenthesizedCount > 0
                || lit.LiteralKind != LiteralKind.String || es.Expression.Start != tok.Start || es.Expression.End != tok.End)
                break;
            string raw = _lx.Source.Substring(tok.Start + 1, tok.End - tok.Start - 2);
            es.Directive = raw;
            if (tok.LegacyOctal && firstOctal < 0) firstOctal = tok.Start;
            if (raw == "use strict")
            {
                if (!simpleParams) throw Error(tok.Start, "Illegal 'use strict' directive in function with non-simple parameter list");
                useStrict = true;
                if (!_fn.Strict)
                {
                    _fn.Strict = true;
                    if (firstOctal >= 0) throw Error(firstOctal, "Octal escape sequences are not allowed in strict mode");
                    // The token after the directive was scanned before we knew; re-check it.
                    if (T.LegacyOctal && (Type == TokenType.Number || Type == TokenType.String))
                        throw Error(T.Start, "Octal literals are not allowed in strict mode");
                }
            }
        }
        if (useStrict) _fn.Flags |= FunctionFlags.HasUseStrictDirective;
        while (Type != end)
        {
            if (Type == TokenType.EOF) throw Unexpected(end == TokenType.RBrace ? "'}'" : null);
            body.Add(ParseStatementListItem());
        }
        return useStrict;
    }

    /// <summary>
    /// Builds an arrow function from already-parsed parenthesized items (cover grammar) and
    /// parses its body (§15.3, §15.9). Current token is `=>`.
    /// </summary>
    private Expression ParseArrowFunction(Mark m, List<Expression> items, Node? rest, bool isAsync)
    {
        var arrow = At(new ArrowFunctionExpression { Async = isAsync }, m);
        foreach (var item in items)
        {
            var p = ToAssignmentElement(item, binding: true);
            CheckNoYieldAwaitInParams(p, isAsync);
            arrow.Params.Add(p);
        }
        if (rest != null) arrow.Params.Add(rest);
        Next(); // =>

        var outerFn = _fn;
        var outerScope = _scope;
        var outerArrow = _potentialArrowAt;
        int outerCover = _coverErrorPos;
        // Past `=>` the parse is committed: a generic-arrow speculation must not limit the body's nesting.
        int outerSpec = _specLimit;
        _specLimit = int.MaxValue;
        _coverErrorPos = -1;
        _fn = new FnCtx(outerFn, FnKind.Arrow) { Async = isAsync, AllowReturn = true };
        _scope = new Scope(outerScope, ScopeKind.Function) { Params = new HashSet<string>() };
        try
        {
            var names = new List<Identifier>();
            foreach (var p in arrow.Params) BoundNames(p, names);
            foreach (var id in names)
            {
                // Parameters were parsed as references in the outer context; re-check them as bindings.
                CheckIdentifier(id.Name, id.Start, binding: true);
                if (isAsync && id.Name == "await") throw Error(id.Start, "'await' is not a valid identifier here");
                if (outerFn.Generator && id.Name == "yield") throw Error(id.Start, "'yield' is not a valid identifier here");
                _scope.Params!.Add(id.Name);
                _scope.Record(id.Name, BindingKind.Parameter);
            }
            bool simple = IsSimpleParameterList(arrow.Params);
            if (Type == TokenType.LBrace)
            {
                arrow.Body = ParseFunctionBody(simple, out bool useStrict);
                if (useStrict) arrow.Flags |= FunctionFlags.HasUseStrictDirective;
            }
            else
            {
                arrow.ExpressionBody = true;
                arrow.Body = ParseAssignment();
            }
            ValidateParameters(arrow.Params, simple, allowDuplicates: false);
            arrow.Flags |= _fn.Flags;
            arrow.Scope = ToInfo(_scope, always: true);
            if (Strict) arrow.Flags |= FunctionFlags.Strict;
            if (!simple) arrow.Flags |= FunctionFlags.HasNonSimpleParameters;
        }
        finally
        {
            _fn = outerFn;
            _scope = outerScope;
            _potentialArrowAt = outerArrow;
            _coverErrorPos = outerCover;
            _specLimit = outerSpec;
        }
        return Finish(arrow);
    }

    /// <summary>
    /// §15.3.1 / §15.9.1: arrow parameters must not contain yield or await expressions. Iterative,
    /// because a default value can be a flat chain (`a + b + ...`) deeper than any stack.
    /// </summary>
    private void CheckNoYieldAwaitInParams(Node? root, bool isAsync)
    {
        if (root == null) return;
        var stack = new Stack<Node>();
        var children = new List<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n)
            {
                case YieldExpression: throw Error(n.Start, "Yield expression not allowed in formal parameter");
                case AwaitExpression: throw Error(n.Start, "Illegal await-expression in formal parameters of async function");
                case Identifier id when isAsync && id.Name == "await": throw Error(n.Start, "'await' is not a valid identifier here");
                // Nested arrow parameters are still parsed with [+Await] (§15.9.1); bodies are not.
                case ArrowFunctionExpression inner:
                    if (isAsync) foreach (var p in inner.Params) stack.Push(p);
                    continue;
                case IFunction:
                case ClassExpression:
                    continue;
            }
            children.Clear();
            AstChildren.Collect(n, children);
            foreach (var c in children) stack.Push(c);
        }
    }
}
