using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>One resource of the compiled ARM template, with the module (nested deployment) it sits in.</summary>
internal sealed record ArmResource(string Module, string Type, JsonObject Json, JsonObject Template)
{
    public string ApiVersion => Json["apiVersion"]?.GetValue<string>() ?? "";

    public JsonObject Properties => Json["properties"] as JsonObject ?? [];

    /// <summary>The scope expression of an extension resource (role assignments); null means the deployment's scope.</summary>
    public string? Scope => Json["scope"]?.GetValue<string>();

    public override string ToString() => $"{Module}: {Type} {Json["name"]}";
}

/// <summary>
/// A compiled template (bicep build) flattened across modules, with just enough expression reading
/// to see literal values and module parameter defaults.
/// </summary>
internal sealed partial class ArmTemplate
{
    private ArmTemplate(JsonObject root, string json)
    {
        Root = root;
        Json = json;
        var resources = new List<ArmResource>();
        Collect(root, "main", resources);
        Resources = resources;
    }

    public JsonObject Root { get; }

    /// <summary>The whole compiled template as text.</summary>
    public string Json { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>
    /// The template compiled from <paramref name="bicepFile"/> by <paramref name="build"/>. As when it
    /// was compiled on its own, any diagnostic refuses it: a module's warning is one of the template's.
    /// </summary>
    public static ArmTemplate From(BicepBatch build, string bicepFile)
    {
        var json = build.Output(bicepFile);
        if (json is null || build.Result.ExitCode != 0 || build.Result.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException(
                $"bicep build {bicepFile} exited {build.Result.ExitCode}{(json is null ? " and wrote nothing" : "")}:\n{string.Join('\n', build.Result.Diagnostics)}");
        }

        return new ArmTemplate(JsonNode.Parse(json)!.AsObject(), json);
    }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The template of a module (nested deployment) by its symbolic name in main.bicep.</summary>
    public JsonObject Module(string symbolicName) =>
        Root["resources"]?[symbolicName]?["properties"]?["template"] as JsonObject
        ?? throw new InvalidOperationException($"module {symbolicName} not found in the compiled template");

    /// <summary>
    /// The value a property has when it is a literal, or "[parameters('x')]" where x takes its
    /// default (in the module, or in main.bicep when main passes its own parameter through).
    /// Null when the value is computed at deployment.
    /// </summary>
    public JsonNode? Literal(ArmResource resource, JsonNode? value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text) || !text.StartsWith('['))
        {
            return value;
        }

        var parameter = ParameterReference().Match(text);
        if (!parameter.Success)
        {
            return null;
        }

        var name = parameter.Groups["name"].Value;
        var passed = Root["resources"]?[resource.Module]?["properties"]?["parameters"]?[name]?["value"];
        if (passed is not null)
        {
            if (passed is not JsonValue pv || !pv.TryGetValue<string>(out var p) || !p.StartsWith('['))
            {
                return passed;
            }

            // main.bicep passes its own parameter straight through: its default applies.
            var mainParameter = ParameterReference().Match(p);
            return mainParameter.Success ? Root["parameters"]?[mainParameter.Groups["name"].Value]?["defaultValue"] : null;
        }

        return resource.Template["parameters"]?[name]?["defaultValue"];
    }

    private static void Collect(JsonObject template, string module, List<ArmResource> into)
    {
        foreach (var (key, node) in Items(template["resources"]))
        {
            if (node is not JsonObject resource)
            {
                continue;
            }

            var type = resource["type"]?.GetValue<string>() ?? "";
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                Collect(nested, key, into);
            }
            else
            {
                into.Add(new ArmResource(module, type, resource, template));
            }
        }
    }

    // languageVersion 2.0 templates keep resources in an object keyed by symbolic name; others in an array.
    private static IEnumerable<(string Key, JsonNode? Node)> Items(JsonNode? resources) => resources switch
    {
        JsonObject byName => byName.Select(p => (p.Key, p.Value)),
        JsonArray list => list.Select((n, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), n)),
        _ => [],
    };

    [GeneratedRegex(@"^\[parameters\('(?<name>[^']+)'\)\]$")]
    private static partial Regex ParameterReference();
}

/// <summary>infra/main.bicep from the one build of infra/ (InfraBicep), read once for every class.</summary>
public sealed class MainTemplateFixture
{
    private static readonly Lazy<ArmTemplate> Main = new(() => ArmTemplate.From(InfraBicep.Build, InfraPaths.MainBicep));

    private readonly Lazy<ArmTemplate> _template = Main;

    internal ArmTemplate Template => _template.Value;
}

internal static class InfraPaths
{
    public static string Root => PublishPipeline.Tests.RepoPaths.Root;

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string FunctionDefinitions => Path.Combine(Root, "functions", "PublishPipeline.Functions", "FunctionApp");

    public static IReadOnlyList<string> BicepFiles =>
        [.. Directory.GetFiles(Infra, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
