using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>LeftHandSideExpression: member access, calls, `new`, optional chains, super, import (§13.3).</summary>
public sealed partial class Parser
{
    private Expression ParseLeftHandSide()
    {
        var m = M();
        Expression expr;
        if (IsName("new") && !T.Escaped) expr = ParseNew();
        else if (IsName("super") && !T.Escaped) expr = ParseSuper();
        else if (IsName("import") && !T.Escaped) expr = ParseImportExpression();
        else expr = ParsePrimary();
        if (IsBareArrow(expr)) return expr;
        return ParseSubscripts(expr, m, noCalls: false);
    }

    /// <summary>`new` MemberExpression Arguments? and `new.target` (§13.3.5, §13.3.12).</summary>
    private Expression ParseNew()
    {
        Enter();
        try { return ParseNewInner(); }
        finally { Leave(); }
    }

    private Expression ParseNewInner()
    {
        var m = M();
        int newEnd = T.End;
        Next();
        if (Type == TokenType.Dot)
        {
            Next();
            if (!IsName("target")) throw Unexpected("'target'");
            if (T.Escaped) throw Error(T.Start, "Keyword must not contain escaped characters");
            if (!NewTargetAllowed()) throw Error(m.Start, "new.target expression is not allowed here");
            MarkUse(FunctionFlags.UsesNewTarget);
            var meta = At(new Identifier { Name = "new", End = newEnd }, m);
            var pm = M();
            Next();
            var prop = Finish(At(new Identifier { Name = "target" }, pm));
            return Finish(At(new MetaProperty { Meta = meta, Property = prop }, m));
        }
        var cm = M();
        Expression callee;
        if (IsName("new") && !T.Escaped) callee = ParseNew();
        else if (IsName("super") && !T.Escaped) callee = ParseSuper();
        else if (IsName("import") && !T.Escaped)
        {
            callee = ParseImportExpression();
            if (callee is ImportExpression) throw Error(callee.Start, "Cannot use new with import");
        }
        else callee = ParsePrimary();
        if (IsBareArrow(callee)) throw Error(callee.Start, "Invalid use of arrow function after new");
        callee = ParseSubscripts(callee, cm, noCalls: true);
        if (_ts && Type == TokenType.Lt) TryParseTsTypeArgumentsForCall();
        var n = At(new NewExpression { Callee = callee }, m);
        if (Type == TokenType.LParen) n.Arguments = ParseArguments();
        return Finish(n);
    }

    private bool NewTargetAllowed()
    {
        for (var f = _fn; f != null; f = f.Parent)
            if (f.Kind != FnKind.Arrow) return f.Kind != FnKind.Program || (_opt.Eval?.InFunction ?? false);
        return false;
    }

    /// <summary>`super.x`, `super[x]`, `super(...)` (§13.3.7): only inside methods / derived constructors.</summary>
    private Expression ParseSuper()
    {
        var m = M();
        Next();
        var owner = _fn;
        while (owner.Kind == FnKind.Arrow && owner.Parent != null) owner = owner.Parent;
        var sup = Finish(At(new Super(), m));
        if (Type == TokenType.LParen)
        {
            bool evalOk = owner.Kind == FnKind.Program && (_opt.Eval?.InDerivedConstructor ?? false);
            if (owner.Kind != FnKind.DerivedConstructor && !evalOk) throw Error(m.Start, "'super' keyword unexpected here");
            MarkUse(FunctionFlags.UsesSuperCall);
            return sup;
        }
        if (Type == TokenType.Dot || Type == TokenType.LBracket)
        {
            bool evalOk = owner.Kind == FnKind.Program && (_opt.Eval?.InMethod ?? false);
            if (!evalOk && owner.Kind is not (FnKind.Method or FnKind.ClassConstructor or FnKind.DerivedConstructor or FnKind.FieldInit or FnKind.StaticBlock))
                throw Error(m.Start, "'super' keyword unexpected here");
            if (Type == TokenType.Dot && PeekToken().Type == TokenType.PrivateName) throw Error(m.Start, "Unexpected private field after super");
            MarkUse(FunctionFlags.UsesSuperProperty);
            return sup;
        }
        throw Error(m.Start, "'super' keyword unexpected here");
    }

    /// <summary>`import(x)`, `import(x, options)` (§13.3.10) and `import.meta` (§13.3.12, modules only).</summary>
    private Expression ParseImportExpression()
    {
        var m = M();
        int importEnd = T.End;
        Next();
        if (Type == TokenType.Dot)
        {
            Next();
            if (!IsName("meta")) throw Unexpected("'meta'");
            if (T.Escaped) throw Error(T.Start, "Keyword must not contain escaped characters");
            if (!_module) throw Error(m.Start, "Cannot use 'import.meta' outside a module");
            var meta = At(new Identifier { Name = "import", End = importEnd }, m);
            var pm = M();
            Next();
            var prop = Finish(At(new Identifier { Name = "meta" }, pm));
            return Finish(At(new MetaProperty { Meta = meta, Property = prop }, m));
        }
        if (Type != TokenType.LParen) throw Unexpected("'(' or '.'");
        Next();
        var ie = At(new ImportExpression(), m);
        ie.Source = ParseAssignment();
        if (Eat(TokenType.Comma) && Type != TokenType.RParen)
        {
            ie.Options = ParseAssignment();
            Eat(TokenType.Comma);
        }
        Expect(TokenType.RParen);
        return Finish(ie);
    }

    /// <summary>
    /// Member accesses, calls, tagged templates and optional chains after a primary expression.
    /// With <paramref name="noCalls"/> (a `new` callee) calls and `?.` stop the loop.
    /// </summary>
    private Expression ParseSubscripts(Expression expr, Mark m, bool noCalls)
    {
        bool chain = false;
        while (true)
        {
            switch (Type)
            {
                case TokenType.Dot:
                {
                    Next();
                    var prop = ParseMemberName();
                    expr = Finish(At(new MemberExpression { Object = expr, Property = prop }, m));
                    continue;
                }
                case TokenType.QuestionDot:
                {
                    if (noCalls) throw Error(T.Start, "Invalid optional chain from new expression");
                    chain = true;
                    Next();
                    if (Type == TokenType.LParen)
                    {
                        var call = At(new CallExpression { Callee = expr, Optional = true }, m);
                        call.Arguments = ParseArguments();
                        expr = Finish(call);
                    }
                    else if (Type == TokenType.LBracket)
                    {
                        Next();
                        var p = ParseExpression();
                        Expect(TokenType.RBracket);
                        expr = Finish(At(new MemberExpression { Object = expr, Property = p, Computed = true, Optional = true }, m));
                    }
                    else if (Type == TokenType.Template)
                        throw Error(T.Start, "Invalid tagged template on optional chain");
                    else if (_ts && Type == TokenType.Lt)
                    {
                        TryParseTsTypeArgumentsForCall();
                        var call = At(new CallExpression { Callee = expr, Optional = true }, m);
                        call.Arguments = ParseArguments();
                        expr = Finish(call);
                    }
                    else
                    {
                        var prop = ParseMemberName();
                        expr = Finish(At(new MemberExpression { Object = expr, Property = prop, Optional = true }, m));
                    }
                    continue;
                }
                case TokenType.LBracket:
                {
                    Next();
                    var p = ParseExpression();
                    Expect(TokenType.RBracket);
                    expr = Finish(At(new MemberExpression { Object = expr, Property = p, Computed = true }, m));
                    continue;
                }
                case TokenType.Template:
                {
                    if (chain) throw Error(T.Start, "Invalid tagged template on optional chain");
                    var quasi = ParseTemplate(tagged: true);
                    expr = Finish(At(new TaggedTemplateExpression { Tag = expr, Quasi = quasi }, m));
                    continue;
                }
                case TokenType.LParen when !noCalls:
                {
                    if (expr is Identifier { Name: "eval" }) MarkEval();
                    var call = At(new CallExpression { Callee = expr }, m);
                    call.Arguments = ParseArguments();
                    expr = Finish(call);
                    continue;
                }
                case TokenType.Bang when _ts && !T.NewlineBefore:
                    // TypeScript non-null assertion `x!` is erased.
                    TsBlank(T.Start, T.End);
                    Next();
                    continue;
                case TokenType.Lt when _ts && !noCalls:
                    if (TryParseTsTypeArgumentsForCall())
                    {
                        if (Type == TokenType.LParen) continue;
                        if (Type == TokenType.Template) continue;
                        continue; // instantiation expression `f<T>`
                    }
                    break;
                case TokenType.Shl when _ts && !noCalls:
                    if (TryParseTsTypeArgumentsForCall()) continue;
                    break;
            }
            break;
        }
        if (chain) expr = Finish(At(new ChainExpression { Expression = expr }, m));
        return expr;
    }

    /// <summary>IdentifierName or PrivateIdentifier after `.` or `?.`.</summary>
    private Expression ParseMemberName()
    {
        if (Type == TokenType.PrivateName) return ParsePrivateIdentifier();
        if (Type != TokenType.Name) throw Unexpected("a property name");
        var m = M();
        var id = new Identifier { Name = T.Value! };
        Next();
        return Finish(At(id, m));
    }

    private PrivateIdentifier ParsePrivateIdentifier()
    {
        var m = M();
        var p = new PrivateIdentifier { Name = T.Value! };
        UsePrivateName(p.Name, m.Start);
        Next();
        return Finish(At(p, m));
    }

    /// <summary>Arguments (§13.3.8): `(a, ...b,)`.</summary>
    private List<Expression> ParseArguments()
    {
        Expect(TokenType.LParen);
        var args = new List<Expression>();
        while (Type != TokenType.RParen)
        {
            if (Type == TokenType.Ellipsis)
            {
                var m = M();
                Next();
                var arg = ParseAssignment();
                args.Add(Finish(At(new SpreadElement { Argument = arg }, m)));
            }
            else args.Add(ParseAssignment());
            ExpectCommaOr(TokenType.RParen);
        }
        Next();
        return args;
    }
}
