using System.Text.Json.Nodes;

namespace PublishPipeline.Infra.Tests;

/// <summary>A function.json from functions/PublishPipeline.Functions/FunctionApp/&lt;Name&gt;/.</summary>
internal sealed record FunctionDefinition(string Name, JsonObject Json)
{
    public JsonObject Trigger =>
        Json["bindings"]!.AsArray().OfType<JsonObject>()
            .Single(b => b["type"]?.GetValue<string>()?.EndsWith("Trigger", StringComparison.Ordinal) == true);

    /// <summary>The container a blob trigger watches ("uploads/{name}" → "uploads").</summary>
    public string? TriggerContainer =>
        Trigger["path"]?.GetValue<string>() is { } path ? path.Split('/')[0] : null;
}

internal static class FunctionDefinitions
{
    public static IReadOnlyList<FunctionDefinition> Load()
    {
        var root = InfraPaths.FunctionDefinitions;
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"function definitions not found: {root}");
        }

        return
        [
            .. Directory.GetDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "function.json")))
                .Order(StringComparer.Ordinal)
                .Select(d => new FunctionDefinition(
                    Path.GetFileName(d),
                    JsonNode.Parse(File.ReadAllText(Path.Combine(d, "function.json")))!.AsObject())),
        ];
    }
}
