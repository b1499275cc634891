using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using PublishPipeline.Site.Rendering;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PublishPipeline.Site;

/// <summary>
/// The site's templates and static assets: the built-in set embedded in this assembly, each file
/// replaceable by a file of the same name in <see cref="SiteOptions.TemplateDirectory"/>. Templates
/// are parsed once here and shared by every render (a parsed Template is immutable).
/// </summary>
public sealed class SiteTemplates : ITemplateLoader
{
    /// <summary>Template files the builder renders; an override folder may replace any of them.</summary>
    public static readonly IReadOnlyList<string> TemplateNames =
    [
        "layout.sbn", "minutes.sbn", "home.sbn", "bodies.sbn", "body.sbn", "years.sbn", "year.sbn",
        "search.sbn", "404.sbn", "feed.sbn", "sitemap.sbn", "robots.sbn", "_minutes_list.sbn",
    ];

    /// <summary>Static assets, published under content-hashed names.</summary>
    public static readonly IReadOnlyList<string> AssetNames = ["site.css", "search.js", "favicon.svg"];

    /// <summary>
    /// Cumulative output budget per render, in UTF-16 characters. Scriban's default (1 Mi) silently
    /// truncates long minutes; this bound is far above any real minutes and overflow throws instead.
    /// </summary>
    internal const int OutputLimit = 256 * 1024 * 1024;

    /// <summary>Loop budget per render: one minutes page iterates once per turn and paragraph.</summary>
    internal const int LoopLimit = 50_000_000;

    private readonly FrozenDictionary<string, Template> _templates;
    private readonly FrozenDictionary<string, string> _assets;
    private readonly FrozenSet<string> _compiled;
    private readonly ScriptObject _builtins = TemplateContext.GetDefaultBuiltinObject();

    public SiteTemplates(string? overrideDirectory)
    {
        _builtins.SetValue("include", new TrustedIncludeFunction((IScriptCustomFunction)_builtins["include"]!), readOnly: true);
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var versionInput = new StringBuilder("site-templates-v1\n");
        var compiled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in TemplateNames)
        {
            var (text, origin) = ReadText(overrideDirectory, "Templates", name);
            var template = Template.Parse(text, sourceFilePath: origin);
            if (template.HasErrors)
            {
                throw new InvalidOperationException(
                    $"Template {origin} has errors:\n" + string.Join("\n", template.Messages.Select(m => m.ToString())));
            }

            templates[name] = template;
            if (CompiledTemplates.Matches(name, text))
            {
                compiled.Add(name);
            }

            versionInput.Append(name).Append('\n').Append(text).Append('\n');
        }

        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in AssetNames)
        {
            var (text, _) = ReadText(overrideDirectory, "Assets", name);
            assets[name] = text;
            versionInput.Append(name).Append('\n').Append(text).Append('\n');
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
        _compiled = compiled.ToFrozenSet(StringComparer.Ordinal);
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(versionInput.ToString())))[..16];
    }

    /// <summary>Hash over every template and asset (built-in or overridden).</summary>
    public string Version { get; }

    public string Asset(string name) => _assets[name];

    /// <summary>
    /// True when the template in force for <paramref name="name"/> is the exact text a compiled
    /// renderer (<see cref="CompiledTemplates"/>) writes, so the builder may use it instead of
    /// Scriban; false for an overriding template or an edited built-in one.
    /// </summary>
    public bool IsCompiled(string name) => _compiled.Contains(name);

    /// <summary>Renders a template with <paramref name="model"/> as its globals; values are HTML-encoded unless <see cref="TrustedHtml"/>.</summary>
    public string Render(string name, ScriptObject model)
    {
        var context = new HtmlTemplateContext(_builtins)
        {
            NewLine = "\n",
            LoopLimit = LoopLimit,
            LoopLimitQueryable = LoopLimit,
            LimitToString = OutputLimit,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            TemplateLoader = this,
            MemberRenamer = member => member.Name,
        };

        // Includes resolve to already-parsed templates: nothing is parsed while rendering.
        foreach (var (key, template) in _templates)
        {
            context.CachedTemplates[key] = template;
        }

        context.PushGlobal(model);
        try
        {
            return _templates[name].Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new InvalidOperationException($"Rendering {name} failed: {ex.Message}", ex);
        }
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _templates.ContainsKey(templateName)
            ? templateName
            : throw new ScriptRuntimeException(callerSpan, $"Unknown template '{templateName}'; templates are: {string.Join(", ", TemplateNames)}.");

    // Only reached if a context lost its cache; the names are the fixed set above, never a path from data.
    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"Template '{templatePath}' is not preloaded.");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"Template '{templatePath}' is not preloaded.");

    private static (string Text, string Origin) ReadText(string? overrideDirectory, string folder, string name)
    {
        if (overrideDirectory is not null)
        {
            var path = Path.Combine(overrideDirectory, name);
            if (File.Exists(path))
            {
                return (File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n"), path);
            }
        }

        var resource = $"PublishPipeline.Site.{folder}.{name}";
        using var stream = typeof(SiteTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded site file {resource} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return (reader.ReadToEnd().ReplaceLineEndings("\n"), $"{folder}/{name}");
    }
}
