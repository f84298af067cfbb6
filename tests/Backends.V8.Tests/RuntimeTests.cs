using DualEngine.Abstractions.Engines;
using DualEngine.Tests.Shared;

namespace DualEngine.Backends.V8.Tests;

/// <summary>The runtime contract tests (tests/Shared) on V8.</summary>
public sealed class RuntimeTests : RuntimeContractTests
{
    protected override IJsEngine CreateEngine() => new V8Engine();
}
