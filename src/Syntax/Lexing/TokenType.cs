namespace DualEngine.Syntax.Lexing;

/// <summary>Token kinds (§12 ECMAScript Language: Lexical Grammar). Keywords are Name tokens.</summary>
public enum TokenType : byte
{
    EOF,
    /// <summary>IdentifierName, including reserved words; Value holds the name with escapes resolved.</summary>
    Name,
    /// <summary>`#name` (§12.7 PrivateIdentifier); Value excludes '#'.</summary>
    PrivateName,
    String,
    Number,
    BigInt,
    /// <summary>A template chunk: NoSubstitutionTemplate, TemplateHead, TemplateMiddle or TemplateTail.</summary>
    Template,
    RegExp,

    LBrace, RBrace, LParen, RParen, LBracket, RBracket,
    Dot, Ellipsis, Semicolon, Comma, Question, QuestionDot, Colon, Arrow, At,
    Lt, Gt, LtEq, GtEq, EqEq, NotEq, EqEqEq, NotEqEq,
    Plus, Minus, Star, Slash, Percent, StarStar, PlusPlus, MinusMinus,
    Shl, Shr, UShr, Amp, Pipe, Caret, Bang, Tilde, AmpAmp, PipePipe, QQ,
    Eq, PlusEq, MinusEq, StarEq, SlashEq, PercentEq, StarStarEq, ShlEq, ShrEq, UShrEq,
    AmpEq, PipeEq, CaretEq, AmpAmpEq, PipePipeEq, QQEq,
}
