namespace DualEngine.Runtime.Permissions;

/// <summary>
/// Prompts on stderr and reads the answer from stdin, like Deno's TTY prompter. Use
/// <see cref="CreateIfTerminal"/>: prompting makes sense only when a person is at both ends.
/// </summary>
public sealed class ConsolePermissionPrompter : IPermissionPrompter
{
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly object _gate = new();

    public ConsolePermissionPrompter(TextReader input, TextWriter output)
    {
        _input = input;
        _output = output;
    }

    /// <summary>A prompter on the console when stdin and stderr are both terminals, else null (deny without asking).</summary>
    public static ConsolePermissionPrompter? CreateIfTerminal() =>
        Console.IsInputRedirected || Console.IsErrorRedirected ? null : new ConsolePermissionPrompter(Console.In, Console.Error);

    public PromptResponse Prompt(PermissionPromptRequest request)
    {
        // One prompt at a time even if workers ask together: interleaved questions would be unanswerable.
        lock (_gate)
        {
            var flag = "--allow-" + request.Kind.Name();
            _output.WriteLine($"┏ ⚠️  DualEngine requests {request.Access}.");
            if (request.ApiName is not null) _output.WriteLine($"┠─ Requested by `{request.ApiName}` API.");
            _output.WriteLine($"┠─ Run again with {flag} to bypass this prompt.");
            while (true)
            {
                _output.Write($"┗ Allow? [y/n/A] (y = yes, allow; n = no, deny; A = allow all {request.Kind.Name()} permissions) > ");
                _output.Flush();
                var answer = _input.ReadLine();
                switch (answer?.Trim())
                {
                    case null: // end of input: nobody can answer
                    case "n":
                    case "N":
                        _output.WriteLine($"❌ Denied {request.Access}.");
                        return PromptResponse.Deny;
                    case "y":
                    case "Y":
                        _output.WriteLine($"✅ Granted {request.Access}.");
                        return PromptResponse.Allow;
                    case "A":
                        _output.WriteLine($"✅ Granted all {request.Kind.Name()} access.");
                        return PromptResponse.AllowAll;
                    default:
                        _output.WriteLine("Unrecognized option. Allow? [y/n/A]");
                        break;
                }
            }
        }
    }
}
