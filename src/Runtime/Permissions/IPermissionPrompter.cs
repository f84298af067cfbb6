namespace DualEngine.Runtime.Permissions;

/// <summary>The answers to a permission prompt: y (this once, for this scope), n, or A (the whole kind).</summary>
public enum PromptResponse { Allow, Deny, AllowAll }

/// <param name="Access">What is asked, e.g. <c>read access to "/etc/hostname"</c>.</param>
/// <param name="ApiName">The API that asked (e.g. "Deno.readTextFile()"), when known.</param>
public sealed record PermissionPromptRequest(PermissionKind Kind, string Access, string? ApiName);

/// <summary>
/// Asks the user for a permission the flags did not grant. The container prompts only through one of
/// these; a runtime without a terminal passes none, and what is not granted is denied.
/// </summary>
public interface IPermissionPrompter
{
    PromptResponse Prompt(PermissionPromptRequest request);
}
