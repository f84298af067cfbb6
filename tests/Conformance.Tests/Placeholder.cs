namespace DualEngine.Conformance.Tests;
