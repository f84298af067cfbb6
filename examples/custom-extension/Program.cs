using DualEngine.Backends.V8;
using DualEngine.Examples.CustomExtension;
using DualEngine.Runtime;

// dotnet run --project examples/custom-extension -- examples/custom-extension/main.js
string main = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "main.js");
using var runtime = new JsRuntime(new V8Engine(), new RuntimeOptions { Extensions = [GreetingExtension.Create()] });
return runtime.RunMainModule(main);
