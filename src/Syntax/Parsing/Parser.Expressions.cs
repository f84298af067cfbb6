using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>Expressions from Expression down to LeftHandSideExpression (§13.3–§13.16).</summary>
public sealed partial class Parser
{
    /// <summary>
    /// Offset of the first CoverInitializedName (`{a = 1}`) or duplicate `__proto__` not yet
    /// justified by turning its object literal into a pattern (§13.2.5.1), or -1.
    /// </summary>
    private int _coverErrorPos = -1;
    private string _coverErrorMsg = "";

    /// <summary>Start offset of the AssignmentExpression being parsed: only there can an arrow function begin.</summary>
    private int _potentialArrowAt = -1;

    /// <summary>Expression (§13.16): comma-separated AssignmentExpressions.</summary>
    private Expression ParseExpression(bool noIn = false)
    {
        var m = M();
        var first = ParseAssignment(noIn);
        if (Type != TokenType.Comma) return first;
        var seq = At(new SequenceExpression(), m);
        seq.Expressions.Add(first);
        while (Eat(TokenType.Comma)) seq.Expressions.Add(ParseAssignment(noIn));
        return Finish(seq);
    }

    /// <summary>AssignmentExpression (§13.15), including yield, arrows (via primary) and destructuring assignment.</summary>
    private Expression ParseAssignment(bool noIn = false, bool allowCover = false)
    {
        Enter();
        try
        {
            if (InGenerator && IsName("yield"))
            {
                if (T.Escaped) throw Error(T.Start, "Keyword must not contain escaped characters");
                return ParseYield(noIn);
            }
            int savedCover = _coverErrorPos;
            string savedMsg = _coverErrorMsg;
            _coverErrorPos = -1;
            var m = M();
            int savedArrow = _potentialArrowAt;
            _potentialArrowAt = T.Start;
            var left = ParseConditional(noIn);
            _potentialArrowAt = savedArrow;

            if (IsAssignOp(Type, out var op))
            {
                Node target;
                if (op == AssignmentOperator.Assign)
                {
                    target = IsWebCompatCallTarget(left) ? left : ToAssignmentTarget(left, binding: false);
                    _coverErrorPos = -1; // a pattern justifies `{a = 1}`
                }
                else
                {
                    CheckSimpleTarget(left, logical: op >= AssignmentOperator.OrAssign);
                    target = left;
                }
                Next();
                var right = ParseAssignment(noIn);
                _coverErrorPos = savedCover;
                _coverErrorMsg = savedMsg;
                var asg = At(new AssignmentExpression { Operator = op, Left = target, Right = right }, m);
                return Finish(asg);
            }

            if (_coverErrorPos >= 0)
            {
                bool couldBePattern = left.ParenthesizedCount == 0 && left is ObjectExpression or ArrayExpression;
                if (!allowCover || !couldBePattern) throw Error(_coverErrorPos, _coverErrorMsg);
                if (savedCover >= 0 && savedCover < _coverErrorPos) { _coverErrorPos = savedCover; _coverErrorMsg = savedMsg; }
            }
            else
            {
                _coverErrorPos = savedCover;
                _coverErrorMsg = savedMsg;
            }
            return left;
        }
        finally { Leave(); }
    }

    private void SetCoverError(int pos, string msg)
    {
        if (_coverErrorPos < 0) { _coverErrorPos = pos; _coverErrorMsg = msg; }
    }

    private static bool IsAssignOp(TokenType t, out AssignmentOperator op)
    {
        switch (t)
        {
            case TokenType.Eq: op = AssignmentOperator.Assign; return true;
            case TokenType.PlusEq: op = AssignmentOperator.PlusAssign; return true;
            case TokenType.MinusEq: op = AssignmentOperator.MinusAssign; return true;
            case TokenType.StarEq: op = AssignmentOperator.MultiplyAssign; return true;
            case TokenType.SlashEq: op = AssignmentOperator.DivideAssign; return true;
            case TokenType.PercentEq: op = AssignmentOperator.ModuloAssign; return true;
            case TokenType.StarStarEq: op = AssignmentOperator.ExponentAssign; return true;
            case TokenType.ShlEq: op = AssignmentOperator.LeftShiftAssign; return true;
            case TokenType.ShrEq: op = AssignmentOperator.RightShiftAssign; return true;
            case TokenType.UShrEq: op = AssignmentOperator.UnsignedRightShiftAssign; return true;
            case TokenType.PipeEq: op = AssignmentOperator.BitwiseOrAssign; return true;
            case TokenType.CaretEq: op = AssignmentOperator.BitwiseXorAssign; return true;
            case TokenType.AmpEq: op = AssignmentOperator.BitwiseAndAssign; return true;
            case TokenType.PipePipeEq: op = AssignmentOperator.OrAssign; return true;
            case TokenType.AmpAmpEq: op = AssignmentOperator.AndAssign; return true;
            case TokenType.QQEq: op = AssignmentOperator.NullishAssign; return true;
            default: op = default; return false;
        }
    }

    /// <summary>YieldExpression (§15.5).</summary>
    private Expression ParseYield(bool noIn)
    {
        var m = M();
        if (_fn.InParams) throw Error(T.Start, "Yield expression not allowed in formal parameter");
        Next();
        var y = At(new YieldExpression(), m);
        if (!T.NewlineBefore)
        {
            if (Eat(TokenType.Star))
            {
                y.Delegate = true;
                y.Argument = ParseAssignment(noIn);
            }
            else if (StartsExpression())
            {
                y.Argument = ParseAssignment(noIn);
            }
        }
        return Finish(y);
    }

    /// <summary>Whether the current token can begin an AssignmentExpression (used after `yield`).</summary>
    private bool StartsExpression()
    {
        switch (Type)
        {
            case TokenType.RParen: case TokenType.RBracket: case TokenType.RBrace: case TokenType.Comma:
            case TokenType.Semicolon: case TokenType.Colon: case TokenType.EOF: case TokenType.Question:
            case TokenType.Arrow: case TokenType.Eq:
                return false;
            case TokenType.Name:
                return !(T.Value == "in" || T.Value == "of" || T.Value == "instanceof") || T.Escaped;
            default:
                return !IsAssignOp(Type, out _) && BinaryPrecedence(Type) == 0 || Type is TokenType.Plus or TokenType.Minus or TokenType.Slash or TokenType.SlashEq or TokenType.Lt;
        }
    }

    /// <summary>ConditionalExpression (§13.14).</summary>
    private Expression ParseConditional(bool noIn)
    {
        var m = M();
        var test = ParseBinary(0, noIn);
        if (Type != TokenType.Question || IsBareArrow(test)) return test;
        Next();
        var cons = ParseAssignment(false);
        Expect(TokenType.Colon);
        var alt = ParseAssignment(noIn);
        return Finish(At(new ConditionalExpression { Test = test, Consequent = cons, Alternate = alt }, m));
    }

    private static bool IsBareArrow(Expression e) => e.Kind == NodeKind.ArrowFunctionExpression && e.ParenthesizedCount == 0;

    // Precedence (higher binds tighter). `??` shares the level of `||` and forbids mixing (§13.13).
    private int BinaryPrecedence(TokenType t) => t switch
    {
        TokenType.QQ => 1,
        TokenType.PipePipe => 1,
        TokenType.AmpAmp => 2,
        TokenType.Pipe => 3,
        TokenType.Caret => 4,
        TokenType.Amp => 5,
        TokenType.EqEq or TokenType.NotEq or TokenType.EqEqEq or TokenType.NotEqEq => 6,
        TokenType.Lt or TokenType.Gt or TokenType.LtEq or TokenType.GtEq => 7,
        TokenType.Shl or TokenType.Shr or TokenType.UShr => 8,
        TokenType.Plus or TokenType.Minus => 9,
        TokenType.Star or TokenType.Slash or TokenType.Percent => 10,
        TokenType.StarStar => 11,
        _ => 0,
    };

    private int CurrentPrecedence(bool noIn)
    {
        if (Type == TokenType.Name)
        {
            if (T.Escaped) return 0;
            if (T.Value == "instanceof") return 7;
            if (T.Value == "in" && !noIn) return 7;
            if (_ts && (T.Value == "as" || T.Value == "satisfies") && !T.NewlineBefore) return 7;
            return 0;
        }
        return BinaryPrecedence(Type);
    }

    /// <summary>Precedence climbing over §13.6–§13.13 binary operators.</summary>
    private Expression ParseBinary(int minPrec, bool noIn)
    {
        var m = M();
        Expression left;
        if (Type == TokenType.PrivateName)
        {
            // §13.10 RelationalExpression : PrivateIdentifier in ShiftExpression
            var priv = ParsePrivateIdentifier();
            if (!IsName("in") || T.Escaped || noIn || minPrec >= 7) throw Error(priv.Start, $"Unexpected private name #{priv.Name}");
            left = priv;
        }
        else
        {
            left = ParseUnary();
        }
        return ParseBinaryRest(left, m, minPrec, noIn);
    }

    private Expression ParseBinaryRest(Expression left, Mark m, int minPrec, bool noIn)
    {
        if (IsBareArrow(left)) return left;
        while (true)
        {
            int prec = CurrentPrecedence(noIn);
            if (prec == 0 || prec <= minPrec) break;
            if (_ts && Type == TokenType.Name && (T.Value == "as" || T.Value == "satisfies"))
            {
                left = ParseTsAsExpression(left, m);
                continue;
            }
            var opType = Type;
            string? opName = Type == TokenType.Name ? T.Value : null;
            int opPos = T.Start;
            if (opType == TokenType.StarStar && left.ParenthesizedCount == 0 && left.Kind is NodeKind.UnaryExpression or NodeKind.AwaitExpression)
                throw Error(opPos, "Unary operator used immediately before exponentiation expression; parentheses required");
            Next();
            // `**` is right-associative: parse the right side at one level lower.
            var right = opType == TokenType.StarStar ? ParseBinary(prec - 1, noIn) : ParseBinary(prec, noIn);
            Expression node;
            if (opType is TokenType.PipePipe or TokenType.AmpAmp or TokenType.QQ)
            {
                var lop = opType == TokenType.PipePipe ? LogicalOperator.Or : opType == TokenType.AmpAmp ? LogicalOperator.And : LogicalOperator.NullishCoalescing;
                CheckCoalesceMix(left, lop, opPos);
                CheckCoalesceMix(right, lop, opPos);
                node = new LogicalExpression { Operator = lop, Left = left, Right = right };
            }
            else
            {
                node = new BinaryExpression { Operator = ToBinary(opType, opName), Left = left, Right = right };
            }
            left = Finish(At(node, m));
        }
        return left;
    }

    /// <summary>§13.13: `a ?? b || c` needs parentheses.</summary>
    private void CheckCoalesceMix(Expression operand, LogicalOperator op, int pos)
    {
        if (operand is LogicalExpression le && le.ParenthesizedCount == 0)
        {
            bool a = op == LogicalOperator.NullishCoalescing, b = le.Operator == LogicalOperator.NullishCoalescing;
            if (a != b) throw Error(pos, "Cannot mix '??' with '||' or '&&' without parentheses");
        }
    }

    private static BinaryOperator ToBinary(TokenType t, string? name) => t switch
    {
        TokenType.EqEq => BinaryOperator.Equal, TokenType.NotEq => BinaryOperator.NotEqual,
        TokenType.EqEqEq => BinaryOperator.StrictEqual, TokenType.NotEqEq => BinaryOperator.StrictNotEqual,
        TokenType.Lt => BinaryOperator.Less, TokenType.LtEq => BinaryOperator.LessOrEqual,
        TokenType.Gt => BinaryOperator.Greater, TokenType.GtEq => BinaryOperator.GreaterOrEqual,
        TokenType.Shl => BinaryOperator.LeftShift, TokenType.Shr => BinaryOperator.RightShift,
        TokenType.UShr => BinaryOperator.UnsignedRightShift, TokenType.Plus => BinaryOperator.Plus,
        TokenType.Minus => BinaryOperator.Minus, TokenType.Star => BinaryOperator.Multiply,
        TokenType.Slash => BinaryOperator.Divide, TokenType.Percent => BinaryOperator.Modulo,
        TokenType.StarStar => BinaryOperator.Exponent, TokenType.Pipe => BinaryOperator.BitwiseOr,
        TokenType.Caret => BinaryOperator.BitwiseXor, TokenType.Amp => BinaryOperator.BitwiseAnd,
        _ => name == "in" ? BinaryOperator.In : BinaryOperator.InstanceOf,
    };

    /// <summary>UnaryExpression (§13.5) and AwaitExpression (§15.8).</summary>
    private Expression ParseUnary()
    {
        Enter();
        try
        {
            var m = M();
            UnaryOperator op;
            switch (Type)
            {
                case TokenType.Bang: op = UnaryOperator.LogicalNot; break;
                case TokenType.Tilde: op = UnaryOperator.BitwiseNot; break;
                case TokenType.Plus: op = UnaryOperator.Plus; break;
                case TokenType.Minus: op = UnaryOperator.Minus; break;
                case TokenType.PlusPlus:
                case TokenType.MinusMinus:
                {
                    var uop = Type == TokenType.PlusPlus ? UpdateOperator.Increment : UpdateOperator.Decrement;
                    Next();
                    var arg = ParseUnary();
                    CheckSimpleTarget(arg, logical: false, update: true);
                    return Finish(At(new UpdateExpression { Operator = uop, Prefix = true, Argument = arg }, m));
                }
                case TokenType.Lt when _ts:
                    return ParseTsTypeAssertion(m);
                case TokenType.Name when !T.Escaped || T.Value == "await":
                    switch (T.Value)
                    {
                        case "typeof": op = UnaryOperator.TypeOf; break;
                        case "void": op = UnaryOperator.Void; break;
                        case "delete": op = UnaryOperator.Delete; break;
                        case "await" when InAsync || (InStaticBlock && !T.Escaped):
                            return ParseAwait();
                        default:
                            return ParsePostfix();
                    }
                    break;
                default:
                    return ParsePostfix();
            }
            if (Type == TokenType.Name && T.Escaped) throw Error(T.Start, "Keyword must not contain escaped characters");
            Next();
            var argument = ParseUnary();
            if (op == UnaryOperator.Delete)
            {
                // §13.5.1.1: strict-mode `delete identifier` and any `delete x.#p`.
                var inner = argument;
                if (Strict && inner is Identifier) throw Error(argument.Start, "Delete of an unqualified identifier in strict mode");
                if (inner is ChainExpression ce) inner = ce.Expression;
                if (inner is MemberExpression me && me.Property is PrivateIdentifier) throw Error(argument.Start, "Private fields can not be deleted");
            }
            return Finish(At(new UnaryExpression { Operator = op, Argument = argument }, m));
        }
        finally { Leave(); }
    }

    private Expression ParseAwait()
    {
        var m = M();
        if (T.Escaped) throw Error(T.Start, "Keyword must not contain escaped characters");
        if (_fn.InParams) throw Error(T.Start, "Illegal await-expression in formal parameters of async function");
        if (InStaticBlock) throw Error(T.Start, "'await' is not allowed in class static initialization block");
        if (_fn.Kind == FnKind.Program) _fn.Flags |= FunctionFlags.UsesTopLevelAwait;
        Next();
        var arg = ParseUnary();
        return Finish(At(new AwaitExpression { Argument = arg }, m));
    }

    /// <summary>UpdateExpression with postfix operator (§13.4): no LineTerminator before `++`/`--`.</summary>
    private Expression ParsePostfix()
    {
        var m = M();
        var expr = ParseLeftHandSide();
        if ((Type == TokenType.PlusPlus || Type == TokenType.MinusMinus) && !T.NewlineBefore && !IsBareArrow(expr))
        {
            CheckSimpleTarget(expr, logical: false, update: true);
            var op = Type == TokenType.PlusPlus ? UpdateOperator.Increment : UpdateOperator.Decrement;
            Next();
            return Finish(At(new UpdateExpression { Operator = op, Prefix = false, Argument = expr }, m));
        }
        return expr;
    }

    /// <summary>
    /// Annex B "Runtime Errors for Function Call Assignment Targets": in sloppy code `f() = 1`
    /// parses and throws a ReferenceError when evaluated (AssignmentTargetType web-compat).
    /// </summary>
    private bool IsWebCompatCallTarget(Expression e) => _opt.AnnexB && !Strict && e is CallExpression;

    /// <summary>
    /// AssignmentTargetType must be simple (§13.15.1, §13.4.1): Identifier (not eval/arguments in
    /// strict mode) or a non-optional member expression.
    /// </summary>
    private void CheckSimpleTarget(Expression e, bool logical, bool update = false)
    {
        if (e is Identifier id)
        {
            if (Strict && (id.Name == "eval" || id.Name == "arguments"))
                throw Error(e.Start, "Unexpected eval or arguments in strict mode");
            return;
        }
        if (e is MemberExpression) return;
        if (_ts && IsTsTargetWrapper(e)) return;
        if (IsWebCompatCallTarget(e) && !logical) return;
        throw Error(e.Start, update ? "Invalid left-hand side expression in update operation" : "Invalid left-hand side in assignment");
    }
}
