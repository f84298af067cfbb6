namespace DualEngine.Syntax.Ast;

/// <summary>§13.5 unary operators.</summary>
public enum UnaryOperator : byte { Minus, Plus, LogicalNot, BitwiseNot, TypeOf, Void, Delete }

/// <summary>§13.4 `++` / `--`.</summary>
public enum UpdateOperator : byte { Increment, Decrement }

/// <summary>§13.6–§13.12 binary operators (logical ones are in <see cref="LogicalOperator"/>).</summary>
public enum BinaryOperator : byte
{
    Equal, NotEqual, StrictEqual, StrictNotEqual,
    Less, LessOrEqual, Greater, GreaterOrEqual,
    LeftShift, RightShift, UnsignedRightShift,
    Plus, Minus, Multiply, Divide, Modulo, Exponent,
    BitwiseOr, BitwiseXor, BitwiseAnd,
    In, InstanceOf,
}

/// <summary>§13.13 short-circuit operators.</summary>
public enum LogicalOperator : byte { Or, And, NullishCoalescing }

/// <summary>§13.15 assignment operators, including logical assignment (ES2021).</summary>
public enum AssignmentOperator : byte
{
    Assign,
    PlusAssign, MinusAssign, MultiplyAssign, DivideAssign, ModuloAssign, ExponentAssign,
    LeftShiftAssign, RightShiftAssign, UnsignedRightShiftAssign,
    BitwiseOrAssign, BitwiseXorAssign, BitwiseAndAssign,
    OrAssign, AndAssign, NullishAssign,
}

public static class OperatorText
{
    public static string Of(UnaryOperator op) => op switch
    {
        UnaryOperator.Minus => "-", UnaryOperator.Plus => "+", UnaryOperator.LogicalNot => "!",
        UnaryOperator.BitwiseNot => "~", UnaryOperator.TypeOf => "typeof", UnaryOperator.Void => "void",
        _ => "delete",
    };

    public static string Of(UpdateOperator op) => op == UpdateOperator.Increment ? "++" : "--";

    public static string Of(LogicalOperator op) => op switch
    {
        LogicalOperator.Or => "||", LogicalOperator.And => "&&", _ => "??",
    };

    public static string Of(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "==", BinaryOperator.NotEqual => "!=",
        BinaryOperator.StrictEqual => "===", BinaryOperator.StrictNotEqual => "!==",
        BinaryOperator.Less => "<", BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">", BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.LeftShift => "<<", BinaryOperator.RightShift => ">>",
        BinaryOperator.UnsignedRightShift => ">>>", BinaryOperator.Plus => "+",
        BinaryOperator.Minus => "-", BinaryOperator.Multiply => "*", BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%", BinaryOperator.Exponent => "**", BinaryOperator.BitwiseOr => "|",
        BinaryOperator.BitwiseXor => "^", BinaryOperator.BitwiseAnd => "&", BinaryOperator.In => "in",
        _ => "instanceof",
    };

    public static string Of(AssignmentOperator op) => op switch
    {
        AssignmentOperator.Assign => "=", AssignmentOperator.PlusAssign => "+=",
        AssignmentOperator.MinusAssign => "-=", AssignmentOperator.MultiplyAssign => "*=",
        AssignmentOperator.DivideAssign => "/=", AssignmentOperator.ModuloAssign => "%=",
        AssignmentOperator.ExponentAssign => "**=", AssignmentOperator.LeftShiftAssign => "<<=",
        AssignmentOperator.RightShiftAssign => ">>=", AssignmentOperator.UnsignedRightShiftAssign => ">>>=",
        AssignmentOperator.BitwiseOrAssign => "|=", AssignmentOperator.BitwiseXorAssign => "^=",
        AssignmentOperator.BitwiseAndAssign => "&=", AssignmentOperator.OrAssign => "||=",
        AssignmentOperator.AndAssign => "&&=", _ => "??=",
    };
}
