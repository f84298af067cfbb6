namespace DualEngine.Syntax.Ast;

/// <summary>One value per concrete node class, for fast switching in compilers and walkers.</summary>
public enum NodeKind : byte
{
    // Program
    Program,

    // Expressions (Expressions.cs, Literals.cs, Templates.cs)
    Identifier,
    PrivateIdentifier,
    Literal,
    ThisExpression,
    Super,
    ArrayExpression,
    ObjectExpression,
    Property,
    FunctionExpression,
    ArrowFunctionExpression,
    ClassExpression,
    TemplateLiteral,
    TemplateElement,
    TaggedTemplateExpression,
    MemberExpression,
    ChainExpression,
    CallExpression,
    NewExpression,
    UpdateExpression,
    UnaryExpression,
    BinaryExpression,
    LogicalExpression,
    AssignmentExpression,
    ConditionalExpression,
    YieldExpression,
    AwaitExpression,
    SequenceExpression,
    SpreadElement,
    MetaProperty,
    ImportExpression,

    // Patterns
    ObjectPattern,
    ArrayPattern,
    RestElement,
    AssignmentPattern,

    // Statements
    ExpressionStatement,
    BlockStatement,
    EmptyStatement,
    DebuggerStatement,
    WithStatement,
    ReturnStatement,
    LabeledStatement,
    BreakStatement,
    ContinueStatement,
    IfStatement,
    SwitchStatement,
    SwitchCase,
    ThrowStatement,
    TryStatement,
    CatchClause,
    WhileStatement,
    DoWhileStatement,
    ForStatement,
    ForInStatement,
    ForOfStatement,

    // Declarations
    FunctionDeclaration,
    VariableDeclaration,
    VariableDeclarator,
    ClassDeclaration,

    // Classes
    ClassBody,
    MethodDefinition,
    PropertyDefinition,
    StaticBlock,

    // Modules
    ImportDeclaration,
    ImportSpecifier,
    ImportDefaultSpecifier,
    ImportNamespaceSpecifier,
    ImportAttribute,
    ExportNamedDeclaration,
    ExportSpecifier,
    ExportDefaultDeclaration,
    ExportAllDeclaration,
}
