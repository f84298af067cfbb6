using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>
/// Binding patterns (§14.3.3) and the reinterpretation of expressions as assignment patterns
/// or arrow parameters (cover grammars, §13.15.5.1, §15.3.1 CoverParenthesizedExpressionAndArrowParameterList).
/// </summary>
public sealed partial class Parser
{
    /// <summary>`( ... )`: a parenthesized expression or, if `=>` follows, arrow parameters.</summary>
    private Expression ParseParenthesized(bool canBeArrow)
    {
        var m = M();
        Enter();
        Next();
        int savedCover = _coverErrorPos;
        string savedMsg = _coverErrorMsg;
        _coverErrorPos = -1;
        var items = new List<Expression>();
        Node? rest = null;
        int invalidPos = -1; // rest or trailing comma or empty: fine for arrows only
        if (Type == TokenType.RParen) invalidPos = T.Start;
        while (Type != TokenType.RParen)
        {
            if (Type == TokenType.Ellipsis)
            {
                var rm = M();
                if (invalidPos < 0) invalidPos = T.Start;
                Next();
                var target = ParseBindingTarget();
                rest = Finish(At(new RestElement { Argument = target }, rm));
                if (_ts && Type == TokenType.Colon) SkipTsTypeAnnotation();
                if (Type != TokenType.RParen) throw Error(T.Start, "Rest parameter must be last formal parameter");
                break;
            }
            Expression item;
            if (_ts && Type == TokenType.Name && PeekToken().Type == TokenType.Question && PeekSecond().Type is TokenType.Colon or TokenType.Comma or TokenType.RParen or TokenType.Eq)
            {
                var im = M();
                var optional = ParseBindingIdentifierRaw();
                item = Finish(At(optional, im));
            }
            else item = ParseAssignment(allowCover: true);
            if (_ts && (Type == TokenType.Colon || Type == TokenType.Question))
            {
                SkipTsParamSuffix();
                if (invalidPos < 0) invalidPos = item.Start;
                if (Type == TokenType.Eq)
                {
                    Next();
                    var dflt = ParseAssignment();
                    item = Finish(At(new AssignmentExpression { Operator = AssignmentOperator.Assign, Left = item, Right = dflt }, item));
                }
            }
            items.Add(item);
            if (Type != TokenType.RParen)
            {
                ExpectCommaOr(TokenType.RParen);
                if (Type == TokenType.RParen && invalidPos < 0) invalidPos = _lx.PrevEnd - 1;
            }
        }
        Next();
        Leave();
        if (_ts && canBeArrow && Type == TokenType.Colon && TryTsArrowReturnType()) { }
        if (canBeArrow && Type == TokenType.Arrow && !T.NewlineBefore)
        {
            _coverErrorPos = savedCover;
            _coverErrorMsg = savedMsg;
            return ParseArrowFunction(m, items, rest, isAsync: false);
        }
        if (invalidPos >= 0) throw Error(invalidPos, Type == TokenType.Arrow ? "Line terminator not permitted before arrow" : "Unexpected token; expected an expression");
        if (_coverErrorPos >= 0) throw Error(_coverErrorPos, _coverErrorMsg);
        _coverErrorPos = savedCover;
        _coverErrorMsg = savedMsg;
        Expression expr;
        if (items.Count == 1) expr = items[0];
        else
        {
            var seq = At(new SequenceExpression { Expressions = items }, items[0]);
            seq.End = items[^1].End;
            expr = seq;
        }
        expr.ParenthesizedCount++;
        return expr;
    }

    /// <summary>`async (...)`: a call to something named async, or async arrow parameters.</summary>
    private Expression ParseAsyncCallOrArrow(Mark m)
    {
        var callee = At(new Identifier { Name = "async", End = T.End }, m);
        Next(); // async
        int savedCover = _coverErrorPos;
        string savedMsg = _coverErrorMsg;
        _coverErrorPos = -1;
        Next(); // (
        var items = new List<Expression>();
        Node? rest = null;
        int restPos = -1;
        while (Type != TokenType.RParen)
        {
            if (Type == TokenType.Ellipsis)
            {
                var sm = M();
                Next();
                var arg = ParseAssignment(allowCover: true);
                if (Type == TokenType.Comma || restPos >= 0) restPos = restPos < 0 ? sm.Start : restPos;
                items.Add(Finish(At(new SpreadElement { Argument = arg }, sm)));
            }
            else
            {
                var aitem = ParseAssignment(allowCover: true);
                if (_ts && Type == TokenType.Colon)
                {
                    SkipTsParamSuffix();
                    if (Type == TokenType.Eq)
                    {
                        Next();
                        var dflt = ParseAssignment();
                        aitem = Finish(At(new AssignmentExpression { Operator = AssignmentOperator.Assign, Left = aitem, Right = dflt }, aitem));
                    }
                }
                items.Add(aitem);
            }
            ExpectCommaOr(TokenType.RParen);
        }
        Next();
        if (_ts && Type == TokenType.Colon && TryTsArrowReturnType()) { }
        if (Type == TokenType.Arrow && !T.NewlineBefore)
        {
            if (restPos >= 0) throw Error(restPos, "Rest parameter must be last formal parameter");
            if (items.Count > 0 && items[^1] is SpreadElement last)
            {
                items.RemoveAt(items.Count - 1);
                rest = At(new RestElement { Argument = ToAssignmentTarget(last.Argument, binding: true) }, last);
                rest.End = last.End;
            }
            _coverErrorPos = savedCover;
            _coverErrorMsg = savedMsg;
            return ParseArrowFunction(m, items, rest, isAsync: true);
        }
        if (_coverErrorPos >= 0) throw Error(_coverErrorPos, _coverErrorMsg);
        _coverErrorPos = savedCover;
        _coverErrorMsg = savedMsg;
        var call = At(new CallExpression { Callee = callee, Arguments = items }, m);
        return Finish(call);
    }

    /// <summary>
    /// Reinterprets an expression as a DestructuringAssignmentTarget / binding element.
    /// With <paramref name="binding"/> (arrow parameters) only identifiers and patterns are allowed.
    /// </summary>
    private Node ToAssignmentTarget(Expression e, bool binding)
    {
        switch (e)
        {
            case Identifier id:
                if (binding && id.ParenthesizedCount > 0) throw Error(e.Start, "Invalid destructuring target");
                if (Strict && (id.Name == "eval" || id.Name == "arguments")) throw Error(e.Start, "Unexpected eval or arguments in strict mode");
                return id;
            case MemberExpression:
                if (binding) throw Error(e.Start, "Invalid destructuring target");
                return e;
            case ObjectExpression obj when obj.ParenthesizedCount == 0:
            {
                var pat = At(new ObjectPattern(), obj);
                pat.End = obj.End;
                for (int i = 0; i < obj.Properties.Count; i++)
                {
                    var p = obj.Properties[i];
                    if (p is SpreadElement sp)
                    {
                        if (i != obj.Properties.Count - 1 || obj.TrailingCommaAfterSpread >= 0)
                            throw Error(sp.Start, "Rest element must be last element");
                        // §13.15.5.1: object rest target must be a simple target, not a pattern.
                        if (sp.Argument is not (Identifier or MemberExpression) || (binding && sp.Argument is not Identifier))
                            throw Error(sp.Argument.Start, "`...` must be followed by an assignable reference in assignment contexts");
                        var r = At(new RestElement { Argument = ToAssignmentTarget(sp.Argument, binding) }, sp);
                        r.End = sp.End;
                        pat.Properties.Add(r);
                        continue;
                    }
                    var prop = (Property)p;
                    if (prop.Method || prop.PropertyKind != PropertyKind.Init) throw Error(prop.Start, "Invalid destructuring assignment target");
                    if (prop.Value is AssignmentExpression cover && prop.Shorthand)
                    {
                        var ap = At(new AssignmentPattern { Left = ToAssignmentTarget((Expression)cover.Left, binding), Right = cover.Right }, cover);
                        ap.End = cover.End;
                        prop.Value = ap;
                    }
                    else prop.Value = ToAssignmentElement((Expression)prop.Value, binding);
                    pat.Properties.Add(prop);
                }
                return pat;
            }
            case ArrayExpression arr when arr.ParenthesizedCount == 0:
            {
                var pat = At(new ArrayPattern(), arr);
                pat.End = arr.End;
                for (int i = 0; i < arr.Elements.Count; i++)
                {
                    var el = arr.Elements[i];
                    if (el is SpreadElement sp)
                    {
                        if (i != arr.Elements.Count - 1 || arr.TrailingCommaAfterSpread >= 0)
                            throw Error(sp.Start, "Rest element must be last element");
                        if (sp.Argument is AssignmentExpression) throw Error(sp.Argument.Start, "Rest elements cannot have a default value");
                        var r = At(new RestElement { Argument = ToAssignmentTarget(sp.Argument, binding) }, sp);
                        r.End = sp.End;
                        pat.Elements.Add(r);
                        continue;
                    }
                    pat.Elements.Add(el == null ? null : ToAssignmentElement(el, binding));
                }
                return pat;
            }
            case AssignmentExpression:
                throw Error(e.Start, "Invalid destructuring assignment target");
            default:
                if (_ts && IsTsTargetWrapper(e) && !binding) return e;
                if (e is Literal or CallExpression or ThisExpression || e.ParenthesizedCount > 0)
                    throw Error(e.Start, "Invalid left-hand side in assignment");
                throw Error(e.Start, "Invalid destructuring assignment target");
        }
    }

    /// <summary>An element of a pattern: a target optionally followed by `= default`.</summary>
    private Node ToAssignmentElement(Expression e, bool binding)
    {
        if (e is AssignmentExpression { Operator: AssignmentOperator.Assign } asg && asg.ParenthesizedCount == 0)
        {
            var left = asg.Left is Expression le ? ToAssignmentTarget(le, binding) : RecheckPattern(asg.Left, binding);
            var ap = At(new AssignmentPattern { Left = left, Right = asg.Right }, asg);
            ap.End = asg.End;
            return ap;
        }
        return ToAssignmentTarget(e, binding);
    }

    /// <summary>A pattern already converted for assignment; for bindings re-check that no member targets hide inside.</summary>
    private Node RecheckPattern(Node n, bool binding)
    {
        if (!binding) return n;
        switch (n)
        {
            case MemberExpression: throw Error(n.Start, "Invalid destructuring target");
            case ObjectPattern op:
                foreach (var p in op.Properties) RecheckPattern(p is Property pr ? pr.Value : ((RestElement)p).Argument, true);
                break;
            case ArrayPattern ap:
                foreach (var el in ap.Elements) if (el != null) RecheckPattern(el, true);
                break;
            case RestElement re: RecheckPattern(re.Argument, true); break;
            case AssignmentPattern asp: RecheckPattern(asp.Left, true); break;
            case Identifier id when id.ParenthesizedCount > 0: throw Error(n.Start, "Invalid destructuring target");
        }
        return n;
    }

    /// <summary>BindingIdentifier or BindingPattern (§14.3.3); names are validated by the caller via BoundNames.</summary>
    private Node ParseBindingTarget()
    {
        Enter();
        try
        {
            var m = M();
            switch (Type)
            {
                case TokenType.LBracket:
                {
                    Next();
                    var pat = At(new ArrayPattern(), m);
                    while (Type != TokenType.RBracket)
                    {
                        if (Type == TokenType.Comma) { Next(); pat.Elements.Add(null); continue; }
                        if (Type == TokenType.Ellipsis)
                        {
                            var rm = M();
                            Next();
                            var arg = ParseBindingTarget();
                            pat.Elements.Add(Finish(At(new RestElement { Argument = arg }, rm)));
                            if (Type != TokenType.RBracket) throw Error(T.Start, "Rest element must be last element");
                            break;
                        }
                        pat.Elements.Add(ParseBindingElement());
                        ExpectCommaOr(TokenType.RBracket);
                    }
                    Next();
                    return Finish(pat);
                }
                case TokenType.LBrace:
                {
                    Next();
                    var pat = At(new ObjectPattern(), m);
                    while (Type != TokenType.RBrace)
                    {
                        if (Type == TokenType.Ellipsis)
                        {
                            var rm = M();
                            Next();
                            var id = ParseBindingIdentifier();
                            pat.Properties.Add(Finish(At(new RestElement { Argument = id }, rm)));
                            if (Type != TokenType.RBrace) throw Error(T.Start, "Rest element must be last element");
                            break;
                        }
                        var pm = M();
                        var prop = At(new Property(), pm);
                        var keyTok = T;
                        prop.Key = ParsePropertyKey(out bool computed);
                        prop.Computed = computed;
                        if (Eat(TokenType.Colon))
                        {
                            prop.Value = ParseBindingElement();
                        }
                        else
                        {
                            if (keyTok.Type != TokenType.Name || computed) throw Unexpected("':'");
                            if (keyTok.Escaped && IsReservedWord(keyTok.Value!)) throw Error(keyTok.Start, "Keyword must not contain escaped characters");
                            CheckIdentifier(keyTok.Value!, keyTok.Start, binding: true);
                            prop.Shorthand = true;
                            var key = (Identifier)prop.Key;
                            var local = At(new Identifier { Name = key.Name }, key);
                            local.End = key.End;
                            if (Type == TokenType.Eq)
                            {
                                Next();
                                var init = ParseAssignment();
                                prop.Value = Finish(At(new AssignmentPattern { Left = local, Right = init }, pm));
                            }
                            else prop.Value = local;
                        }
                        pat.Properties.Add(Finish(prop));
                        ExpectCommaOr(TokenType.RBrace);
                    }
                    Next();
                    return Finish(pat);
                }
                default:
                    return ParseBindingIdentifier();
            }
        }
        finally { Leave(); }
    }

    /// <summary>BindingElement: target with optional initializer.</summary>
    private Node ParseBindingElement()
    {
        var m = M();
        var target = ParseBindingTarget();
        if (_ts && Type == TokenType.Question) { TsBlank(T.Start, T.End); Next(); }
        if (_ts && Type == TokenType.Colon) SkipTsTypeAnnotation();
        if (Type != TokenType.Eq) return target;
        Next();
        var init = ParseAssignment();
        return Finish(At(new AssignmentPattern { Left = target, Right = init }, m));
    }

    /// <summary>BindingIdentifier (§13.1): checked against reserved words for the current context.</summary>
    private Identifier ParseBindingIdentifier()
    {
        if (Type != TokenType.Name) throw Unexpected("an identifier");
        var m = M();
        string name = T.Value!;
        if (T.Escaped && IsReservedWord(name)) throw Error(T.Start, "Keyword must not contain escaped characters");
        CheckIdentifier(name, T.Start, binding: true);
        Next();
        return Finish(At(new Identifier { Name = name }, m));
    }
}
