using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>PrimaryExpression (§13.2): identifiers, literals, array/object literals, templates, parentheses, arrows.</summary>
public sealed partial class Parser
{
    private Expression ParsePrimary()
    {
        var m = M();
        bool canBeArrow = T.Start == _potentialArrowAt;
        switch (Type)
        {
            case TokenType.Name:
                return ParsePrimaryName(m, canBeArrow);
            case TokenType.Number:
            case TokenType.BigInt:
            case TokenType.String:
                return ParseLiteral();
            case TokenType.Template:
                return ParseTemplate(tagged: false);
            case TokenType.Slash:
            case TokenType.SlashEq:
                _lx.RescanAsRegExp();
                return ParseRegExpLiteral();
            case TokenType.LBracket:
                return ParseArrayLiteral();
            case TokenType.LBrace:
                return ParseObjectLiteral();
            case TokenType.LParen:
                return ParseParenthesized(canBeArrow);
            case TokenType.Lt when _ts && canBeArrow:
                return ParseTsGenericArrow(m);
            case TokenType.At when _ts:
                SkipTsDecorators();
                return ParsePrimary();
            default:
                throw Unexpected();
        }
    }

    private Expression ParsePrimaryName(Mark m, bool canBeArrow)
    {
        string name = T.Value!;
        bool escaped = T.Escaped;
        if (!escaped || name == "await" || name == "yield" || name == "let" || name == "static")
        {
            switch (name)
            {
                case "this" when !escaped:
                    Next();
                    MarkUse(FunctionFlags.UsesThis);
                    return Finish(At(new ThisExpression(), m));
                case "null" when !escaped:
                    Next();
                    return Finish(At(new Literal { LiteralKind = LiteralKind.Null, Raw = "null" }, m));
                case "true" when !escaped:
                case "false" when !escaped:
                    Next();
                    return Finish(At(new Literal { LiteralKind = LiteralKind.Boolean, BooleanValue = name == "true", Raw = name }, m));
                case "function" when !escaped:
                    return ParseFunctionExpression(m, isAsync: false);
                case "class" when !escaped:
                    return ParseClassExpression();
                case "async" when !escaped:
                {
                    var next = PeekToken();
                    if (next.NewlineBefore) break;
                    if (next.Type == TokenType.Name && next.Value == "function" && !next.Escaped)
                    {
                        Next();
                        return ParseFunctionExpression(m, isAsync: true);
                    }
                    if (canBeArrow && next.Type == TokenType.Name && PeekSecondIsArrow())
                    {
                        // `async x => ...` (§15.9 AsyncArrowFunction)
                        Next();
                        var pm = M();
                        var param = ParseBindingIdentifierRaw();
                        if (Type != TokenType.Arrow || T.NewlineBefore) throw Unexpected("'=>'");
                        return ParseArrowFunction(m, new List<Expression> { Finish(At(param, pm)) }, null, isAsync: true);
                    }
                    if (canBeArrow && next.Type == TokenType.LParen)
                        return ParseAsyncCallOrArrow(m);
                    if (canBeArrow && _ts && next.Type == TokenType.Lt)
                        return ParseTsGenericArrow(m, isAsync: true);
                    break;
                }
                case "new" when !escaped:
                case "super" when !escaped:
                case "import" when !escaped:
                    return ParseLeftHandSide();
            }
        }
        if (escaped && IsReservedWord(name)) throw Error(T.Start, "Keyword must not contain escaped characters");
        CheckIdentifier(name, T.Start, binding: false);
        if (name == "await" && _module) throw Error(T.Start, "'await' is not a valid identifier here");
        Next();
        var id = Finish(At(new Identifier { Name = name }, m));
        if (canBeArrow && Type == TokenType.Arrow && !T.NewlineBefore)
            return ParseArrowFunction(m, new List<Expression> { id }, null, isAsync: false);
        return id;
    }

    /// <summary>Two tokens ahead is `=>` on the same line (for `async x =>`).</summary>
    private bool PeekSecondIsArrow()
    {
        var s = _lx.Save();
        _lx.Next();
        _lx.Next();
        bool r = _lx.Tok.Type == TokenType.Arrow && !_lx.Tok.NewlineBefore;
        _lx.Restore(s);
        return r;
    }

    /// <summary>Reads an identifier token as an Identifier node without reserved-word checks (done later).</summary>
    private Identifier ParseBindingIdentifierRaw()
    {
        if (Type != TokenType.Name) throw Unexpected("an identifier");
        var id = new Identifier { Name = T.Value! };
        if (T.Escaped && IsReservedWord(id.Name)) throw Error(T.Start, "Keyword must not contain escaped characters");
        Next();
        return id;
    }

    private Expression ParseLiteral()
    {
        var m = M();
        var lit = At(new Literal { Raw = _lx.Source.Substring(T.Start, T.End - T.Start) }, m);
        switch (Type)
        {
            case TokenType.Number:
                if (T.LegacyOctal && Strict) throw Error(T.Start, "Octal literals are not allowed in strict mode");
                lit.LiteralKind = LiteralKind.Number;
                lit.NumberValue = T.Number;
                lit.IsLegacyOctal = T.LegacyOctal;
                break;
            case TokenType.BigInt:
                lit.LiteralKind = LiteralKind.BigInt;
                lit.BigIntValue = T.BigInt;
                break;
            default:
                if (T.LegacyOctal && Strict) throw Error(T.Start, "Octal escape sequences are not allowed in strict mode");
                lit.LiteralKind = LiteralKind.String;
                lit.StringValue = T.Value;
                lit.IsLegacyOctal = T.LegacyOctal;
                break;
        }
        Next();
        return Finish(lit);
    }

    private Literal ParseStringLiteral()
    {
        if (Type != TokenType.String) throw Unexpected("a string");
        return (Literal)ParseLiteral();
    }

    private Expression ParseRegExpLiteral()
    {
        var m = M();
        string pattern = T.Value!, flags = T.Raw!;
        RegExpValidator.Validate(pattern, flags, T.Start, _lx);
        var lit = At(new Literal
        {
            LiteralKind = LiteralKind.RegExp,
            Raw = _lx.Source.Substring(T.Start, T.End - T.Start),
            Regex = new RegExpValue(pattern, flags),
        }, m);
        Next();
        return Finish(lit);
    }

    /// <summary>TemplateLiteral (§13.2.8). Untagged templates must not contain invalid escapes.</summary>
    private TemplateLiteral ParseTemplate(bool tagged)
    {
        var m = M();
        var tl = At(new TemplateLiteral(), m);
        while (true)
        {
            if (Type != TokenType.Template) throw Unexpected("template continuation");
            if (!tagged && T.Value == null) throw Error(T.InvalidEscapeAt, T.InvalidEscapeMessage ?? "Invalid escape sequence in template");
            // Like ESTree, a chunk spans its characters only: not the '`', '}' or '${' around it.
            var el = new TemplateElement
            {
                Cooked = T.Value, Raw = T.Raw ?? "", Tail = T.TemplateTail,
                Start = T.Start + 1, Line = T.Line, Column = T.Column + 1,
                End = T.End - (T.TemplateTail ? 1 : 2),
            };
            tl.Quasis.Add(el);
            bool tail = T.TemplateTail;
            Next();
            if (tail) break;
            tl.Expressions.Add(ParseExpression());
            if (Type != TokenType.RBrace) throw Unexpected("'}' to close the template substitution");
            _lx.RescanTemplateContinuation();
        }
        return Finish(tl);
    }

    /// <summary>ArrayLiteral (§13.2.4), also the cover for ArrayAssignmentPattern.</summary>
    private Expression ParseArrayLiteral()
    {
        var m = M();
        Enter();
        Next();
        var arr = At(new ArrayExpression(), m);
        while (Type != TokenType.RBracket)
        {
            if (Type == TokenType.Comma) { Next(); arr.Elements.Add(null); continue; }
            Expression el;
            bool spread = false;
            if (Type == TokenType.Ellipsis)
            {
                var sm = M();
                Next();
                var arg = ParseAssignment(allowCover: true);
                el = Finish(At(new SpreadElement { Argument = arg }, sm));
                spread = true;
            }
            else el = ParseAssignment(allowCover: true);
            arr.Elements.Add(el);
            if (Type != TokenType.RBracket)
            {
                if (Type != TokenType.Comma) throw Unexpected("',' or ']'");
                if (spread && arr.TrailingCommaAfterSpread < 0) arr.TrailingCommaAfterSpread = T.Start;
                Next();
            }
        }
        Next();
        Leave();
        return Finish(arr);
    }

    /// <summary>ObjectLiteral (§13.2.5), also the cover for ObjectAssignmentPattern.</summary>
    private Expression ParseObjectLiteral()
    {
        var m = M();
        Enter();
        Next();
        var obj = At(new ObjectExpression(), m);
        bool sawProto = false;
        while (Type != TokenType.RBrace)
        {
            if (Type == TokenType.Ellipsis)
            {
                var sm = M();
                Next();
                var arg = ParseAssignment(allowCover: true);
                obj.Properties.Add(Finish(At(new SpreadElement { Argument = arg }, sm)));
                if (Type == TokenType.Comma && obj.TrailingCommaAfterSpread < 0) obj.TrailingCommaAfterSpread = T.Start;
            }
            else
            {
                var prop = ParseObjectMember();
                // §13.2.5.1: duplicate __proto__ is an error, except when the literal becomes a pattern.
                if (!prop.Computed && !prop.Shorthand && !prop.Method && prop.PropertyKind == PropertyKind.Init && IsProtoKey(prop.Key))
                {
                    if (sawProto) SetCoverError(prop.Key.Start, "Duplicate __proto__ fields are not allowed in object literals");
                    sawProto = true;
                }
                obj.Properties.Add(prop);
            }
            ExpectCommaOr(TokenType.RBrace);
        }
        Next();
        Leave();
        return Finish(obj);
    }

    private static bool IsProtoKey(Expression key)
        => key is Identifier { Name: "__proto__" } || key is Literal { LiteralKind: LiteralKind.String, StringValue: "__proto__" };

    private Property ParseObjectMember()
    {
        var m = M();
        var prop = At(new Property(), m);
        bool isAsync = false, isGenerator = false;
        PropertyKind kind = PropertyKind.Init;

        if (Type == TokenType.Name && !T.Escaped && (T.Value == "get" || T.Value == "set" || T.Value == "async"))
        {
            var next = PeekToken();
            bool isPrefix = next.Type is not (TokenType.Comma or TokenType.RBrace or TokenType.Colon or TokenType.LParen or TokenType.Eq or TokenType.Lt);
            if (isPrefix)
            {
                if (T.Value == "async")
                {
                    if (next.NewlineBefore) throw Error(next.Start, "Line terminator not permitted after 'async'");
                    isAsync = true;
                }
                else kind = T.Value == "get" ? PropertyKind.Get : PropertyKind.Set;
                Next();
            }
        }
        if (Type == TokenType.Star)
        {
            if (kind != PropertyKind.Init) throw Unexpected();
            isGenerator = true;
            Next();
        }
        var keyTok = T;
        prop.Key = ParsePropertyKey(out bool computed);
        prop.Computed = computed;

        if (isAsync || isGenerator || kind != PropertyKind.Init || Type == TokenType.LParen || (_ts && Type == TokenType.Lt))
        {
            prop.PropertyKind = kind;
            prop.Method = kind == PropertyKind.Init;
            prop.Value = ParseMethodFunction(FnKind.Method, isAsync, isGenerator, kind == PropertyKind.Get ? MethodKind.Get : kind == PropertyKind.Set ? MethodKind.Set : MethodKind.Method);
            return Finish(prop);
        }
        if (Eat(TokenType.Colon))
        {
            prop.Value = ParseAssignment(allowCover: true);
            return Finish(prop);
        }
        // Shorthand `{ x }` or CoverInitializedName `{ x = 1 }` (§13.2.5).
        if (keyTok.Type != TokenType.Name || computed) throw Unexpected("':'");
        var name = keyTok.Value!;
        if (keyTok.Escaped && IsReservedWord(name)) throw Error(keyTok.Start, "Keyword must not contain escaped characters");
        CheckIdentifier(name, keyTok.Start, binding: false);
        if (name == "await" && _module) throw Error(keyTok.Start, "'await' is not a valid identifier here");
        prop.Shorthand = true;
        var id = (Identifier)prop.Key;
        var valueId = At(new Identifier { Name = id.Name }, id);
        valueId.End = id.End;
        if (Type == TokenType.Eq)
        {
            SetCoverError(T.Start, "Invalid shorthand property initializer");
            Next();
            var init = ParseAssignment();
            prop.Value = Finish(At(new AssignmentExpression { Operator = AssignmentOperator.Assign, Left = valueId, Right = init }, id));
        }
        else prop.Value = valueId;
        return Finish(prop);
    }

    /// <summary>PropertyName (§13.2.5): identifier name, string, number, bigint or [computed].</summary>
    private Expression ParsePropertyKey(out bool computed)
    {
        computed = false;
        var m = M();
        switch (Type)
        {
            case TokenType.Name:
            {
                var id = new Identifier { Name = T.Value! };
                Next();
                return Finish(At(id, m));
            }
            case TokenType.String:
            case TokenType.Number:
            case TokenType.BigInt:
            {
                var lit = (Literal)ParseLiteral();
                if (lit.LiteralKind == LiteralKind.BigInt)
                {
                    // Property keys use the canonical string of the value (§13.2.5.4 PropName is not defined; we normalize).
                    lit.StringValue = lit.BigIntValue.ToString();
                }
                return lit;
            }
            case TokenType.LBracket:
            {
                computed = true;
                Next();
                var e = ParseAssignment();
                Expect(TokenType.RBracket);
                return e;
            }
            case TokenType.PrivateName:
                throw Error(T.Start, "Unexpected private name in object literal");
            default:
                throw Unexpected("a property name");
        }
    }
}
