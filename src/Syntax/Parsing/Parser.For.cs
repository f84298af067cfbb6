using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>`for`, `for-in`, `for-of` and `for await` (§14.7.4, §14.7.5).</summary>
public sealed partial class Parser
{
    private Statement ParseFor()
    {
        var m = M();
        MarkLoopLabels(m.Start);
        Next();
        bool isAwait = false;
        if (IsName("await") && !T.Escaped)
        {
            if (!InAsync || InStaticBlock) throw Error(T.Start, "for await is only valid in async functions and modules");
            if (_fn.Kind == FnKind.Program) _fn.Flags |= FunctionFlags.UsesTopLevelAwait;
            isAwait = true;
            Next();
        }
        Expect(TokenType.LParen);
        PushScope(ScopeKind.Block);
        var headScope = _scope;
        try
        {
            var st = ParseForHead(m, isAwait);
            var info = ToInfo(headScope);
            switch (st)
            {
                case ForStatement f: f.Scope = info; break;
                case ForInStatement fi: fi.Scope = info; break;
                case ForOfStatement fo: fo.Scope = info; break;
            }
            return st;
        }
        finally { PopScope(); }
    }

    private Statement ParseForHead(Mark m, bool isAwait)
    {
        {
            if (Type == TokenType.Semicolon)
            {
                if (isAwait) throw Unexpected();
                return ParseForRest(m, null);
            }
            var im = M();
            bool isLet = IsName("let") && !T.Escaped;
            VariableKind? usingKind = null;
            if (IsName("using") && !T.Escaped && IsForUsingDeclaration()) usingKind = VariableKind.Using;
            else if (IsName("await") && !T.Escaped && InAsync && !InStaticBlock && PeekToken() is { Type: TokenType.Name, Value: "using", Escaped: false, NewlineBefore: false }
                     && PeekSecond() is { Type: TokenType.Name, NewlineBefore: false } s2 && !(s2.Value is "in" or "instanceof" && !s2.Escaped)
                     && (s2.Value != "of" || s2.Escaped || PeekThird() is { Type: TokenType.Eq } or { Type: TokenType.Name, Value: "of", Escaped: false }))
            {
                usingKind = VariableKind.AwaitUsing;
                Next(); // await
            }
            if (usingKind != null || (IsName("var") && !T.Escaped) || (IsName("const") && !T.Escaped) || (isLet && IsForLetDeclaration()))
            {
                var kind = usingKind ?? (T.Value == "var" ? VariableKind.Var : T.Value == "let" ? VariableKind.Let : VariableKind.Const);
                Next();
                var decl = ParseVariableDeclarations(im, kind, noIn: true, inFor: true);
                bool isOf = IsContextual("of");
                if (isOf || (IsName("in") && !T.Escaped))
                {
                    if (decl.Declarations.Count != 1) throw Error(decl.Start, $"Invalid left-hand side in for-{(isOf ? "of" : "in")} loop: must have a single binding");
                    var d = decl.Declarations[0];
                    if (!isOf && kind is VariableKind.Using or VariableKind.AwaitUsing)
                        throw Error(decl.Start, "using declarations are not allowed in for-in loops");
                    if (d.Init != null)
                    {
                        // Annex B.3.5: `for (var x = 1 in o)` in sloppy code with a simple binding.
                        if (isOf || Strict || kind != VariableKind.Var || d.Id is not Identifier)
                            throw Error(d.Start, $"for-{(isOf ? "of" : "in")} loop variable declaration may not have an initializer");
                    }
                    DeclarePattern(d.Id, kind, forOf: isOf);
                    return ParseForInOfRest(m, decl, isOf, isAwait);
                }
                foreach (var d in decl.Declarations) DeclarePattern(d.Id, kind);
                if (isAwait) throw Unexpected("'of'");
                return ParseForRest(m, decl);
            }

            bool startsWithLet = isLet;
            bool startsWithAsync = IsName("async") && !T.Escaped;
            int savedCover = _coverErrorPos;
            _coverErrorPos = -1;
            var initStart = M();
            var init = ParseAssignment(noIn: true, allowCover: true);
            bool isOf2 = IsContextual("of");
            if (isOf2 || (IsName("in") && !T.Escaped))
            {
                if (isOf2 && startsWithLet) throw Error(init.Start, "The left-hand side of a for-of loop may not be 'let'");
                if (isOf2 && startsWithAsync && !isAwait && init is Identifier { Name: "async", ParenthesizedCount: 0 })
                    throw Error(init.Start, "The left-hand side of a for-of loop may not be 'async'");
                var target = init is ObjectExpression or ArrayExpression && init.ParenthesizedCount == 0
                    ? ToAssignmentTarget(init, binding: false)
                    : CheckForTarget(init);
                _coverErrorPos = savedCover;
                return ParseForInOfRest(m, target, isOf2, isAwait);
            }
            if (_coverErrorPos >= 0) throw Error(_coverErrorPos, _coverErrorMsg);
            _coverErrorPos = savedCover;
            if (isAwait) throw Unexpected("'of'");
            if (Type == TokenType.Comma)
            {
                var seq = At(new SequenceExpression(), initStart);
                seq.Expressions.Add(init);
                while (Eat(TokenType.Comma)) seq.Expressions.Add(ParseAssignment(noIn: true));
                init = Finish(seq);
            }
            return ParseForRest(m, init);
        }
    }

    private Token PeekThird()
    {
        var s = _lx.Save();
        _lx.Next();
        _lx.Next();
        _lx.Next();
        var t = _lx.Tok;
        _lx.Restore(s);
        return t;
    }

    /// <summary>`for (using x of ...` / `for (using x = ...;` but not `for (using of xs)` or `for (using in o)`.</summary>
    private bool IsForUsingDeclaration()
    {
        var next = PeekToken();
        if (next.Type != TokenType.Name || next.NewlineBefore) return false;
        if (!next.Escaped && next.Value is "in" or "instanceof") return false;
        if (!next.Escaped && next.Value == "of")
        {
            var second = PeekSecond();
            return second.Type is TokenType.Eq || (second.Type == TokenType.Name && second.Value == "of" && !second.Escaped);
        }
        return true;
    }

    /// <summary>In `for (let ...`, `let` begins a declaration if followed by an identifier, `[` or `{`.</summary>
    private bool IsForLetDeclaration()
    {
        var next = PeekToken();
        if (next.Type is TokenType.LBracket or TokenType.LBrace) return true;
        if (next.Type != TokenType.Name) return false;
        if (!next.Escaped && (next.Value == "in" || next.Value == "of")) return false;
        return true;
    }

    private Node CheckForTarget(Expression e)
    {
        if (e is Identifier id)
        {
            if (Strict && (id.Name == "eval" || id.Name == "arguments")) throw Error(e.Start, "Unexpected eval or arguments in strict mode");
            return e;
        }
        if (e is MemberExpression) return e;
        if (_ts && IsTsTargetWrapper(e)) return e;
        if (IsWebCompatCallTarget(e)) return e;
        throw Error(e.Start, "Invalid left-hand side in for-loop");
    }

    private Statement ParseForRest(Mark m, Node? init)
    {
        Expect(TokenType.Semicolon);
        Expression? test = Type == TokenType.Semicolon ? null : ParseExpression();
        Expect(TokenType.Semicolon);
        Expression? update = Type == TokenType.RParen ? null : ParseExpression();
        Expect(TokenType.RParen);
        var body = ParseLoopBody();
        return Finish(At(new ForStatement { Init = init, Test = test, Update = update, Body = body }, m));
    }

    private Statement ParseForInOfRest(Mark m, Node left, bool isOf, bool isAwait)
    {
        if (isAwait && !isOf) throw Unexpected("'of'");
        Next(); // in / of
        Expression right = isOf ? ParseAssignment() : ParseExpression();
        Expect(TokenType.RParen);
        var body = ParseLoopBody();
        if (isOf) return Finish(At(new ForOfStatement { Left = left, Right = right, Body = body, Await = isAwait }, m));
        return Finish(At(new ForInStatement { Left = left, Right = right, Body = body }, m));
    }
}
