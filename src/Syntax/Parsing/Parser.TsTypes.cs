using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>
/// TypeScript types are recognised and skipped (never put in the tree); their source ranges are
/// recorded as erasure edits. The grammar follows the TypeScript handbook's type syntax.
/// </summary>
public sealed partial class Parser
{
    /// <summary>`: Type` — records the range from the colon to the end of the type for blanking.</summary>
    private void SkipTsTypeAnnotation()
    {
        int start = T.Start;
        Expect(TokenType.Colon);
        SkipType();
        TsBlank(start, _lx.PrevEnd);
    }

    /// <summary>Return type annotation, including type predicates `x is T` and `asserts x`.</summary>
    private void SkipTsReturnType()
    {
        int start = T.Start;
        Expect(TokenType.Colon);
        SkipReturnTypeBody();
        TsBlank(start, _lx.PrevEnd);
    }

    private void SkipReturnTypeBody()
    {
        if (IsName("asserts") && PeekToken() is { Type: TokenType.Name, NewlineBefore: false })
        {
            Next();
            Next();
            if (IsName("is")) { Next(); SkipType(); }
            return;
        }
        if (Type == TokenType.Name && PeekIsName("is") && !PeekToken().NewlineBefore)
        {
            Next();
            Next();
            SkipType();
            return;
        }
        SkipType();
    }

    /// <summary>Optional `?` and `: Type` after a parenthesized item that turns out to be an arrow parameter.</summary>
    private void SkipTsParamSuffix()
    {
        if (Type == TokenType.Question) { TsBlank(T.Start, T.End); Next(); }
        if (Type == TokenType.Colon) SkipTsTypeAnnotation();
    }

    /// <summary>`(a): T =>`: tries to read a return type that must be followed by `=>`.</summary>
    private bool TryTsArrowReturnType()
    {
        var s = _lx.Save();
        int spec = BeginSpeculation();
        int edits = _tsEdits.Count;
        try
        {
            int start = T.Start;
            Next();
            SkipReturnTypeBody();
            if (Type == TokenType.Arrow && !T.NewlineBefore)
            {
                TsBlank(start, _lx.PrevEnd);
                EndSpeculation(spec);
                return true;
            }
        }
        catch (JsSyntaxException) when (!_tooDeep) { }
        EndSpeculation(spec);
        _lx.Restore(s);
        _tsEdits.RemoveRange(edits, _tsEdits.Count - edits);
        return false;
    }

    /// <summary>`&lt;T extends U = V, ...&gt;` type parameter list.</summary>
    private void SkipTsTypeParameters()
    {
        int start = T.Start;
        if (Type == TokenType.Shl) _lx.SplitLessThan();
        Expect(TokenType.Lt);
        while (!IsGreater())
        {
            while (Type == TokenType.Name && (T.Value is "in" or "out" or "const") && PeekToken().Type == TokenType.Name) Next();
            if (Type != TokenType.Name) throw Unexpected("a type parameter name");
            Next();
            if (IsName("extends")) { Next(); SkipType(); }
            if (Eat(TokenType.Eq)) SkipType();
            if (!IsGreater()) Expect(TokenType.Comma);
        }
        EatGreater();
        TsBlank(start, _lx.PrevEnd);
    }

    /// <summary>`&lt;A, B&gt;` type argument list (blanked).</summary>
    private void SkipTsTypeArguments()
    {
        int start = T.Start;
        SkipTypeArgumentsRaw();
        TsBlank(start, _lx.PrevEnd);
    }

    /// <summary>
    /// Outcome of reading `&lt;...&gt;` as type arguments at an offset: the lexer state after it, or null
    /// if it failed. The answer does not depend on context, and `a &lt; b, c &lt; d, ...` or `f&lt;f&lt;f&lt;...`
    /// would otherwise re-read the same text from every `&lt;` (quadratic).
    /// </summary>
    private readonly Dictionary<int, Lexer.State?> _typeArgsMemo = new();

    private void SkipTypeArgumentsRaw()
    {
        int at = T.Start;
        if (_typeArgsMemo.TryGetValue(at, out var known))
        {
            if (known == null) throw Error(at, "Unexpected token '<'");
            _lx.Restore(known.Value);
            return;
        }
        // try/finally, not catch/rethrow: nested rethrows keep every frame alive until the
        // outermost handler runs, which overflows the stack on deep input.
        bool ok = false;
        try
        {
            if (Type == TokenType.Shl) _lx.SplitLessThan();
            Expect(TokenType.Lt);
            while (!IsGreater())
            {
                SkipType();
                if (!IsGreater()) Expect(TokenType.Comma);
            }
            EatGreater();
            ok = true;
        }
        finally
        {
            _typeArgsMemo[at] = ok ? _lx.Save() : null;
        }
    }

    private bool IsGreater() => Type is TokenType.Gt or TokenType.Shr or TokenType.UShr or TokenType.GtEq or TokenType.ShrEq or TokenType.UShrEq;

    private void EatGreater()
    {
        if (!IsGreater()) throw Unexpected("'>'");
        if (Type != TokenType.Gt) _lx.SplitGreaterThan();
        Next();
    }

    /// <summary>`f&lt;T&gt;(...)`: type arguments of a call, tagged template or instantiation expression.</summary>
    private bool TryParseTsTypeArgumentsForCall()
    {
        var s = _lx.Save();
        int spec = BeginSpeculation();
        int edits = _tsEdits.Count;
        try
        {
            int start = T.Start;
            SkipTypeArgumentsRaw();
            if (Type is TokenType.LParen or TokenType.Template or TokenType.RParen or TokenType.Semicolon or TokenType.Comma
                or TokenType.RBracket or TokenType.RBrace or TokenType.EOF or TokenType.Dot or TokenType.QuestionDot
                || T.NewlineBefore)
            {
                TsBlank(start, _lx.PrevEnd);
                EndSpeculation(spec);
                return true;
            }
        }
        catch (JsSyntaxException) when (!_tooDeep) { }
        EndSpeculation(spec);
        _lx.Restore(s);
        _tsEdits.RemoveRange(edits, _tsEdits.Count - edits);
        return false;
    }

    /// <summary>Skips one type.</summary>
    private void SkipType()
    {
        Enter();
        try
        {
            if (IsFunctionTypeStart())
            {
                SkipFunctionType();
                return;
            }
            SkipUnionType();
            // Conditional type: A extends B ? C : D
            if (IsName("extends") && !T.NewlineBefore)
            {
                Next();
                if (IsFunctionTypeStart()) SkipFunctionType(); else SkipUnionType();
                Expect(TokenType.Question);
                SkipType();
                Expect(TokenType.Colon);
                SkipType();
            }
        }
        finally { Leave(); }
    }

    private bool IsFunctionTypeStart()
    {
        if (Type == TokenType.Lt) return true;
        if (IsName("new") || (IsName("abstract") && PeekIsName("new"))) return true;
        if (Type != TokenType.LParen) return false;
        // `(` starts a function type if it is `()` or `(x:` / `(x,` / `(x?` / `(...` / `({` ... `) =>`.
        var s = _lx.Save();
        int spec = BeginSpeculation();
        try
        {
            Next();
            if (Type is TokenType.RParen or TokenType.Ellipsis) return true;
            if (Type is TokenType.LBrace or TokenType.LBracket)
            {
                SkipBalanced();
                return Type is TokenType.Colon or TokenType.Comma or TokenType.Eq or TokenType.Question || (Type == TokenType.RParen && PeekToken().Type == TokenType.Arrow);
            }
            if (Type == TokenType.Name)
            {
                Next();
                if (Type is TokenType.Colon or TokenType.Comma or TokenType.Question or TokenType.Eq) return true;
                if (Type == TokenType.RParen) { Next(); return Type == TokenType.Arrow; }
            }
            return false;
        }
        catch (JsSyntaxException) when (!_tooDeep) { return false; }
        finally { _lx.Restore(s); EndSpeculation(spec); }
    }

    private void SkipFunctionType()
    {
        if (IsName("abstract")) Next();
        if (IsName("new")) Next();
        if (Type == TokenType.Lt) SkipTypeParamsRaw();
        Expect(TokenType.LParen);
        int depth = 1;
        while (depth > 0)
        {
            if (Type == TokenType.EOF) throw Unexpected("')'");
            if (Type == TokenType.LParen) depth++;
            else if (Type == TokenType.RParen) depth--;
            else if (Type is TokenType.LBrace or TokenType.LBracket) { SkipBalanced(); continue; }
            else if (Type == TokenType.Colon) { Next(); SkipType(); continue; }
            Next();
        }
        Expect(TokenType.Arrow);
        SkipReturnTypeBody();
    }

    private void SkipTypeParamsRaw()
    {
        int before = _tsEdits.Count;
        SkipTsTypeParameters();
        _tsEdits.RemoveRange(before, _tsEdits.Count - before);
    }

    private void SkipUnionType()
    {
        if (Type is TokenType.Pipe or TokenType.Amp) Next();
        SkipOperatorType();
        while (Type is TokenType.Pipe or TokenType.Amp)
        {
            Next();
            if (IsFunctionTypeStart()) { SkipFunctionType(); continue; }
            SkipOperatorType();
        }
    }

    private void SkipOperatorType()
    {
        while (Type == TokenType.Name && (T.Value is "keyof" or "unique" or "readonly") && PeekToken() is { NewlineBefore: false } p
               && p.Type is not (TokenType.Comma or TokenType.RParen or TokenType.RBracket or TokenType.Gt or TokenType.Semicolon or TokenType.Eq or TokenType.Pipe or TokenType.Amp or TokenType.RBrace))
            Next();
        if (IsName("infer"))
        {
            Next();
            Next();
            if (IsName("extends") && !T.NewlineBefore)
            {
                // `infer U extends X` inside a conditional's extends clause.
                var s = _lx.Save();
                int edits = _tsEdits.Count;
                Next();
                SkipUnionType();
                if (Type == TokenType.Question) { _lx.Restore(s); _tsEdits.RemoveRange(edits, _tsEdits.Count - edits); }
            }
            return;
        }
        SkipPrimaryType();
        while (Type == TokenType.LBracket && !T.NewlineBefore)
        {
            Next();
            if (Type != TokenType.RBracket) SkipType();
            Expect(TokenType.RBracket);
        }
    }

    private void SkipPrimaryType()
    {
        switch (Type)
        {
            case TokenType.Name:
                if (T.Value == "typeof")
                {
                    Next();
                    if (IsName("import")) { SkipImportType(); return; }
                    SkipEntityName();
                    if (Type == TokenType.Lt && !T.NewlineBefore) SkipTypeArgumentsRaw();
                    return;
                }
                if (T.Value == "import") { SkipImportType(); return; }
                if (T.Value is "number" or "string" or "boolean" or "any" or "unknown" or "never" or "void" or "undefined"
                    or "null" or "object" or "symbol" or "bigint" or "this" or "true" or "false")
                {
                    // Keyword types take no type arguments: `x as number < 20` is a comparison.
                    Next();
                    return;
                }
                SkipEntityName();
                if ((Type == TokenType.Lt || Type == TokenType.Shl) && !T.NewlineBefore) SkipTypeArgumentsRaw();
                return;
            case TokenType.String:
            case TokenType.Number:
            case TokenType.BigInt:
                Next();
                return;
            case TokenType.Minus:
                Next();
                if (Type is not (TokenType.Number or TokenType.BigInt)) throw Unexpected("a number");
                Next();
                return;
            case TokenType.Template:
                while (true)
                {
                    bool tail = T.TemplateTail;
                    Next();
                    if (tail) return;
                    SkipType();
                    if (Type != TokenType.RBrace) throw Unexpected("'}'");
                    _lx.RescanTemplateContinuation();
                }
            case TokenType.LBrace:
            case TokenType.LBracket:
                SkipBalanced();
                return;
            case TokenType.LParen:
                Next();
                SkipType();
                Expect(TokenType.RParen);
                return;
            case TokenType.Star: // JSDoc `*` is not TS, but `?` unknown types are; keep errors precise
            default:
                throw Unexpected("a type");
        }
    }

    private void SkipImportType()
    {
        Next(); // import
        Expect(TokenType.LParen);
        SkipBalancedUntil(TokenType.RParen);
        while (Eat(TokenType.Dot)) Next();
        if (Type == TokenType.Lt && !T.NewlineBefore) SkipTypeArgumentsRaw();
    }

    private void SkipEntityName()
    {
        if (Type != TokenType.Name) throw Unexpected("a type");
        Next();
        while (Type == TokenType.Dot)
        {
            Next();
            if (Type != TokenType.Name) throw Unexpected("a name");
            Next();
        }
    }

    /// <summary>Skips a bracketed region `{...}`, `[...]`, `(...)` with template substitutions handled.</summary>
    private void SkipBalanced()
    {
        var close = Type switch
        {
            TokenType.LBrace => TokenType.RBrace,
            TokenType.LBracket => TokenType.RBracket,
            TokenType.LParen => TokenType.RParen,
            _ => throw Unexpected(),
        };
        Next();
        SkipBalancedUntil(close);
    }

    private void SkipBalancedUntil(TokenType close, bool consumeClose = true)
    {
        Enter();
        try
        {
            while (Type != close)
            {
                switch (Type)
                {
                    case TokenType.EOF: throw Unexpected(Describe(close));
                    case TokenType.LBrace: case TokenType.LBracket: case TokenType.LParen:
                        SkipBalanced();
                        continue;
                    case TokenType.RBrace: case TokenType.RBracket: case TokenType.RParen:
                        throw Unexpected(Describe(close));
                    case TokenType.Template:
                        while (!T.TemplateTail)
                        {
                            Next();
                            SkipBalancedUntil(TokenType.RBrace, consumeClose: false);
                            _lx.RescanTemplateContinuation();
                        }
                        Next();
                        continue;
                    default:
                        Next();
                        continue;
                }
            }
            if (consumeClose) Next();
        }
        finally { Leave(); }
    }
}
