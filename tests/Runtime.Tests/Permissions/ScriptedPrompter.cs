using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Tests.Permissions;

/// <summary>Answers prompts from a script and records what was asked.</summary>
internal sealed class ScriptedPrompter(params PromptResponse[] answers) : IPermissionPrompter
{
    private readonly Queue<PromptResponse> _answers = new(answers);
    public List<PermissionPromptRequest> Asked { get; } = [];

    public PromptResponse Prompt(PermissionPromptRequest request)
    {
        Asked.Add(request);
        return _answers.Dequeue();
    }
}
