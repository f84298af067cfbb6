// One namespace per folder; these imports keep each file's header to what is unusual about it.
global using System.Runtime.CompilerServices;
global using DualEngine.Engine.Objects;
global using DualEngine.Engine.Runtime;
global using DualEngine.Engine.Values;
global using DualEngine.Engine.Builtins;
global using DualEngine.Engine.Interpreter;
