using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

public sealed partial class Parser
{
    private bool _tsAmbient;
    private bool _tsDeclareField;
    private bool TsLastFunctionWasBodyless;
    private readonly HashSet<string> _tsDeclaredNames = new();

    private Expression ParseTsAsExpression(Expression left, Mark m) => throw Unexpected();
    private Expression ParseTsTypeAssertion(Mark m) => throw Unexpected();
    private static bool IsTsTargetWrapper(Expression e) => false;
    private bool TryParseTsTypeArgumentsForCall() => false;
    private Expression ParseTsGenericArrow(Mark m, bool isAsync = false) => throw Unexpected();
    private void SkipTsDecorators() { }
    private void SkipTsTypeAnnotation() => throw Unexpected();
    private void SkipTsParamSuffix() => throw Unexpected();
    private bool TryTsArrowReturnType() => false;
    private void SkipTsTypeParameters() => throw Unexpected();
    private void SkipTsReturnType() => throw Unexpected();
    private bool TsBodylessFunction() => false;
    private void SkipTsParameterModifiers() { }
    private Statement ParseTsEnum(Mark m) => throw Unexpected();
    private Statement? TryParseTsDeclaration(Mark m) => null;
    private void SkipTsTypeArguments() => throw Unexpected();
    private void SkipTsImplements() => throw Unexpected();
    private bool SkipTsClassModifiers(ref bool isStatic, out bool isAbstract, out bool isIndexSignature) { isAbstract = false; isIndexSignature = false; return false; }
    private void RecordTsParameterProperties(MethodDefinition md, FunctionExpression fn) { }
    private bool TryParseTsImportEquals(Mark m, out Statement? s) { s = null; return false; }
    private bool IsTsImportTypeOnly() => false;
    private void SkipTsTypeOnlyImport() { }
    private bool TsTypeModifierInSpecifier() => false;
    private void SkipTsTypeSpecifier() { }
    private Statement? TryParseTsExport(Mark m) => null;
}
